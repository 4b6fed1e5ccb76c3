import type { MessageKey } from '../../src-core/words/en';

/**
 * One line in plain words beside a platform's own column names, which stay as they are (the
 * platform reads them): "Department" and "CustomId" mean something at Hello Customer.
 */
const hints: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  'hello-customer': {
    Department: 'column.hint.hello-customer.Department',
    CustomId: 'column.hint.hello-customer.CustomId',
    FirstName: 'column.hint.hello-customer.FirstName',
    LastName: 'column.hint.hello-customer.LastName',
  },
};

/** The explanation of a destination column, for its preset; null when the name says it all. */
export function columnHintKey(presetId: string, column: string): MessageKey | null {
  return hints[presetId]?.[column] ?? null;
}
