import { describe, expect, it } from 'vitest';
import { runReceiptOf } from '../../../src-main/history/receipt';

describe('runReceiptOf', () => {
  it('maps a platform receipt to the run history’s receipt', () => {
    expect(runReceiptOf({ status: 'waiting', seenAs: null, message: 'not yet' })).toEqual({
      status: 'pending',
      summary: 'not yet',
    });
    expect(runReceiptOf({ status: 'processing', seenAs: 'x', message: 'busy' }).status).toBe(
      'pending'
    );
    expect(runReceiptOf({ status: 'accepted', seenAs: 'x', message: 'ok' }).status).toBe(
      'accepted'
    );
    expect(runReceiptOf({ status: 'imported', seenAs: 'x.done', message: 'done' }).status).toBe(
      'accepted'
    );
    expect(runReceiptOf({ status: 'rejected', seenAs: 'x', message: 'ko' })).toEqual({
      status: 'rejected',
      summary: 'ko',
    });
  });
});
