import { CourierError } from '../errors';
import { parseDestination, type Destination } from './destination';
import { applyDigitaleoOptions } from './presets';

/** The file-name template words that are not variables. */
const BUILT_IN = new Set(['date', 'time', 'counter']);

/** The variables a file-name template uses (`{touchpoint}`, `{list}`), in order, once each. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(/\{([A-Za-z0-9_-]+)(?::[^}]*)?\}/g)) {
    const name = match[1]!;
    if (!BUILT_IN.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The variables the file name needs that have no value: a destination with one cannot be saved
 * (Hello Customer's touchpoint would otherwise be written as `touchpoint_20261202.csv`).
 */
export function missingVariables(d: Destination): string[] {
  return templateVariables(d.fileName).filter(name => {
    const value = Object.prototype.hasOwnProperty.call(d.variables, name)
      ? d.variables[name]
      : undefined;
    return typeof value !== 'string' || value.trim() === '';
  });
}

/**
 * A destination as it is saved: validated by the schema, its platform options applied (Digitaleo's
 * required columns, `dispatch` and list naming follow its options on every save, in the app and
 * the CLI alike), and every file-name variable filled. Throws a CourierError naming the field.
 */
export function settleDestination(value: unknown): Destination {
  let d = parseDestination(value);
  if (d.presetId === 'digitaleo' && d.digitaleo) d = applyDigitaleoOptions(d);
  const missing = missingVariables(d)[0];
  if (missing !== undefined) {
    const what =
      missing === 'list' && d.presetId === 'digitaleo' ? 'the Digitaleo list name' : `“${missing}”`;
    throw new CourierError(
      'destination.variable-missing',
      `The file name uses {${missing}}, so ${what} needs a value before “${d.name}” can be saved (variables.${missing}).`,
      { params: { variable: missing, field: `variables.${missing}`, name: d.name } }
    );
  }
  return d;
}
