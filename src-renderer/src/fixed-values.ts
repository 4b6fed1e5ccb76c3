import type { Fix } from '../../src-core/fixes/fix-schema';
import { applyColumnFix, isColumnFix } from '../../src-core/fixes/fix';
import type { SourceRow } from '../../src-core/reading/source-table';

/** How the target columns are fed: the source column index (-1: none) and the fixed value. */
export type ColumnPlan = Readonly<{ name: string; source: number; fixed: string }>;

/**
 * The values of one row as they will be sent: mapped, then corrected by the fixes in the order
 * the user made them (an edit applies only while the cell still holds the value it replaced),
 * the way the preparation in core applies them.
 */
export function targetValues(
  row: SourceRow,
  plans: readonly ColumnPlan[],
  fixes: readonly Fix[],
  phoneCountry: string
): string[] {
  return plans.map(plan => {
    let value = plan.source >= 0 ? (row.cells[plan.source] ?? '') : plan.fixed;
    for (const fix of fixes) {
      if (fix.kind === 'edit-cell') {
        if (fix.row === row.index && fix.column === plan.name) {
          if (fix.original === undefined || fix.original === value) value = fix.value;
        }
      } else if (isColumnFix(fix) && fix.column === plan.name) {
        value = applyColumnFix(fix, value, phoneCountry);
      }
    }
    return value;
  });
}
