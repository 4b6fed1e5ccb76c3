import type { z } from 'zod';

/**
 * A destination's schema problems in plain words, for a file written or edited by hand (an
 * import, a settings file): the setting named by its path as written in the file, and what it
 * must be — "“transport.port” must be a number, not text" rather than zod's "Invalid input:
 * expected number, received string". A problem with a sentence of Courier's own (a refine, a
 * field rule) keeps that sentence.
 */
export function settingProblems(issues: readonly z.core.$ZodIssue[], value: unknown): string {
  const said = issues.map(issue => settingProblem(issue, value).replace(/\.$/, ''));
  return [...new Set(said)].join('; ');
}

const kinds: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of settings',
};

/** What a value found in the file is, in words. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'a group of settings';
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

const shown = (v: unknown) => (typeof v === 'string' ? `“${v}”` : String(v));

function settingProblem(issue: z.core.$ZodIssue, value: unknown): string {
  const name = issue.path.length > 0 ? `“${issue.path.map(String).join('.')}”` : 'the destination';
  const found = at(value, issue.path);
  // A sentence of Courier's own (a field's rule, a refine) is already in words.
  if (!/^(Invalid|Too (small|big)|Unrecognized)\b/.test(issue.message))
    return `${name}: ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type': {
      if (found === undefined) return `${name} is missing`;
      const expected = kinds[issue.expected] ?? issue.expected;
      return `${name} must be ${expected}, not ${kindOf(found)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `${name} must be ${shown(issue.values[0])}`
        : `${name} must be one of ${issue.values.map(shown).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array')
        return Number(issue.minimum) <= 1
          ? `${name} is empty`
          : `${name} must have at least ${String(issue.minimum)} ${issue.origin === 'string' ? 'characters' : 'items'}`;
      return `${name} must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${name} is too long (at most ${String(issue.maximum)})`
        : `${name} must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `${name} has settings Courier does not know: ${issue.keys.join(', ')}`;
    default:
      // A choice among forms (a fix's kind, a secret source's kind): the value found, if plain.
      return typeof found === 'string' || typeof found === 'number'
        ? `${name} cannot be ${shown(found)}`
        : `${name} is not valid`;
  }
}
