/**
 * Multi-value columns (BlueConic's lists: `sports|music`): items from one source value split on
 * the source's separator, or from several source columns, joined with the destination's.
 */

/**
 * The items of one or more source values: each split on `sourceSeparator` (when one is given),
 * trimmed, and empty items dropped.
 */
export function itemsOf(values: readonly string[], sourceSeparator: string): string[] {
  const items: string[] = [];
  for (const value of values) {
    for (const item of sourceSeparator === '' ? [value] : value.split(sourceSeparator)) {
      const trimmed = item.trim();
      if (trimmed !== '') items.push(trimmed);
    }
  }
  return items;
}
