import { describe, expect, it } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import { Run, type RunInput } from '../../../src-core/history/run';
import {
  NotificationService,
  type NotificationLike,
} from '../../../src-main/electron/notifications/notification-service';

/** A fake Electron Notification that records whether it was shown and lets the test click it. */
class FakeNotification implements NotificationLike {
  shown = false;
  private listeners = new Map<string, (() => void)[]>();
  constructor(readonly options: NotificationConstructorOptions) {}
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.emit('close');
  }
  on(event: 'click' | 'close', listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string): void {
    for (const l of this.listeners.get(event) ?? []) l();
  }
}

const run = (overrides: Partial<RunInput>): Run =>
  Run.parse({
    id: 'run-1',
    startedAt: '2026-11-22T02:00:00.000Z',
    trigger: 'job',
    job: { id: 'j', name: 'Nightly' },
    outcome: 'sent',
    source: { fileName: 'export.csv', sha256: 'a'.repeat(64) },
    destination: 'Acme',
    rows: { read: 10, sent: 10, excluded: 0, issues: {} },
    ...overrides,
  });

function setup(options: { success?: boolean; supported?: boolean } = {}) {
  const shown: FakeNotification[] = [];
  const opened: string[] = [];
  const service = new NotificationService({
    createNotification: o => {
      const n = new FakeNotification(o);
      shown.push(n);
      return n;
    },
    isSupported: () => options.supported ?? true,
    openRun: id => opened.push(id),
    notifyOnSuccess: () => options.success ?? false,
  });
  return { service, shown, opened };
}

describe('NotificationService', () => {
  it('tells a person when a job failed, and clicking opens the run', () => {
    const { service, shown, opened } = setup();
    const kind = service.notifyRun(
      run({
        id: 'r9',
        outcome: 'failed',
        error: { code: 'transfer.refused', message: 'The server refused the login.' },
      })
    );
    expect(kind).toBe('failed');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.shown).toBe(true);
    expect(shown[0]!.options.title).toBe('“Nightly” failed');
    expect(shown[0]!.options.body).toContain('The server refused the login.');
    expect(service.showing).toBe(1);
    shown[0]!.emit('click');
    expect(opened).toEqual(['r9']);
    expect(service.showing).toBe(0);
  });

  it('tells a person when rows were held for review or left out, or a receipt was rejected', () => {
    const { service, shown } = setup();
    expect(
      service.notifyRun(
        run({
          outcome: 'held',
          rows: { read: 10, sent: 0, excluded: 3, issues: { 'email.invalid': 3 } },
        })
      )
    ).toBe('held');
    expect(shown[0]!.options.title).toBe('“Nightly”: file held for review');
    expect(shown[0]!.options.body).toBe(
      'Nothing was sent (export.csv). The file has 3 rows with problems. Click to review.'
    );
    expect(
      service.notifyRun(
        run({
          outcome: 'sent-with-exclusions',
          rows: { read: 10, sent: 9, excluded: 1, issues: {} },
        })
      )
    ).toBe('rows-excluded');
    expect(shown[1]!.options.title).toBe('“Nightly”: 1 row left out');
    expect(
      service.notifyRun(run({ receipt: { status: 'rejected', summary: 'Column Email missing.' } }))
    ).toBe('receipt-rejected');
    expect(shown[2]!.options.body).toBe('Column Email missing. Click to see the run.');
  });

  it('stays quiet on success unless the user asked, and when the desktop has no notifications', () => {
    const quiet = setup();
    expect(quiet.service.notifyRun(run({}))).toBeNull();
    expect(quiet.shown).toHaveLength(0);
    const chatty = setup({ success: true });
    expect(chatty.service.notifyRun(run({}))).toBe('sent');
    expect(chatty.shown[0]!.options).toMatchObject({
      title: '“Nightly” sent',
      body: '10 rows sent to Acme (export.csv).',
      silent: true,
    });
    const headless = setup({ supported: false });
    expect(headless.service.notifyRun(run({ outcome: 'failed' }))).toBeNull();
    expect(headless.shown).toHaveLength(0);
  });
});
