import { CourierError } from '../errors';
import { ColumnRule, TargetColumn, type Destination, type RelatedFileSet } from './destination';

const settingInvalid = (setting: string, values: string, value: string) =>
  new CourierError(
    'destination.setting-invalid',
    `${setting} must be ${values} (got “${value}”).`,
    {
      params: { setting, value, values },
    }
  );

/**
 * The `related.NAME.*` settings of `courier destinations set` (BlueConic's related files):
 * `related.orders.columns=Order id,Profile id,Total` creates or changes the set,
 * `related.orders.file-name=orders_{date:YYYYMMDD}.csv` names its file, `related.orders=none`
 * removes it. The sets are uploaded after the main file in the order they were created.
 */

/** Matches `related.NAME` and `related.NAME.PROPERTY`. */
export const RELATED_KEY = /^related\.([^.]+)(?:\.(columns|file-name))?$/i;

/** The lines `destinations set --help` lists for these settings. */
export const relatedSettingsHelp = [
  `  ${'related.NAME.columns='.padEnd(26)} the columns of the related file NAME (e.g. orders), in output order, separated by commas; order_id:reference* is checked as a reference (:RULE) and required (*)`,
  `  ${'related.NAME.file-name='.padEnd(26)} the file-name template of the related file NAME`,
  `  ${'related.NAME=none'.padEnd(26)} removes the related file NAME`,
];

/** Applies one `related.*` setting, or returns null when the key is not one. */
export function applyRelatedSetting(
  d: Destination,
  key: string,
  value: string
): Destination | null {
  const match = RELATED_KEY.exec(key);
  if (!match) return null;
  const name = match[1]!;
  const property = match[2]?.toLowerCase();
  const sets = d.related ?? [];
  const existing = sets.find(s => s.name.toLowerCase() === name.toLowerCase());
  const withSets = (next: RelatedFileSet[]): Destination => {
    const { related: _gone, ...rest } = d;
    return next.length > 0 ? { ...rest, related: next } : rest;
  };
  if (!property) {
    if (value.trim().toLowerCase() !== 'none')
      throw settingInvalid(key, `“none” (to remove it), or set related.${name}.columns=…`, value);
    return withSets(sets.filter(s => s !== existing));
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(name) || name.toLowerCase() === 'main')
    throw settingInvalid(key, 'a related file name of letters, digits, - and _ (not “main”)', name);
  if (property === 'file-name') {
    if (!existing) throw settingInvalid(key, `set after related.${name}.columns`, value);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (value.trim() === '' || /[/\\:*?"<>|\u0000-\u001f]/.test(value.replace(/\{[^}]*\}/g, '')))
      throw settingInvalid(key, 'a file name without / \\ : * ? " < > |', value);
    return withSets(sets.map(s => (s === existing ? { ...s, fileName: value.trim() } : s)));
  }
  const names = value
    .split(',')
    .map(n => n.trim())
    .filter(n => n !== '');
  if (names.length === 0) throw settingInvalid(key, 'at least one column name', value);
  const seen = new Set<string>();
  const columns = names.map(column => {
    const plain = column.replace(/(:[a-z]+)?\*?$/, '').trim();
    if (seen.has(plain.toLowerCase())) throw settingInvalid(key, 'each column name once', value);
    seen.add(plain.toLowerCase());
    return relatedColumn(column, key, value, existing);
  });
  if (existing) return withSets(sets.map(s => (s === existing ? { ...s, columns } : s)));
  const fileName = `${name}_{date:YYYYMMDD}_{time:HHmmss}.${d.output.format === 'csv' ? 'csv' : d.output.format}`;
  return withSets([...sets, { name, columns, fileName }]);
}

/**
 * One column of `related.NAME.columns=`: `order_id:reference*` is the column `order_id`, checked
 * as a reference (`:RULE`, one of the column rules) and required (`*`). A column listed again
 * without a rule or star keeps what it had.
 */
function relatedColumn(
  word: string,
  key: string,
  value: string,
  existing: RelatedFileSet | undefined
): TargetColumn {
  const parts = /^(.*?)(?::([A-Za-z]+))?(\*)?$/.exec(word)!;
  const name = parts[1]!.trim();
  if (name === '') throw settingInvalid(key, 'column names such as order_id:reference*', value);
  const rule = parts[2]?.toLowerCase();
  if (rule !== undefined && !ColumnRule.options.includes(rule as ColumnRule))
    throw settingInvalid(key, `a column rule among ${ColumnRule.options.join(', ')}`, value);
  const kept = existing?.columns.find(c => c.name.toLowerCase() === name.toLowerCase());
  return TargetColumn.parse({
    ...(kept ?? {}),
    name,
    ...(rule ? { rule } : {}),
    ...(parts[3] ? { required: true } : {}),
  });
}
