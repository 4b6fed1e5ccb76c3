import { describe, expect, it } from 'vitest';
import { normaliseTlsFingerprint, sameTlsFingerprint } from '../../../src-main/transfers/fingerprints';
import { passiveDataHost } from '../../../src-main/transfers/ftps-session';
import { ProgressMeter } from '../../../src-main/transfers/progress-meter';
import { temporaryName } from '../../../src-main/transfers/transfer';

describe('progress meter (fake clock)', () => {
  it('throttles updates, measures the rate over the window and estimates the time left', () => {
    let now = 0;
    const meter = new ProgressMeter(() => now, 250, 5000);
    expect(meter.sample(0)).toBe(true);
    now = 100;
    expect(meter.sample(1_000_000)).toBe(false);
    expect(meter.sample(1_000_000, true)).toBe(true);
    now = 1000;
    expect(meter.sample(10_000_000)).toBe(true);
    expect(meter.rate()).toBe(10_000_000);
    expect(meter.secondsLeft(10_000_000, 30_000_000)).toBe(2);
    now = 20_000;
    meter.sample(10_000_000);
    now = 21_000;
    meter.sample(12_000_000);
    // Only the last five seconds count: a stall long ago no longer drags the rate down.
    expect(meter.rate()).toBe(2_000_000);
    meter.reset();
    expect(meter.secondsLeft(1, 2)).toBeNull();
  });
});

describe('names and fingerprints', () => {
  it('keeps temporary names hidden and unlike the final pattern', () => {
    expect(temporaryName('contacts.csv', 'ab12')).toBe('.contacts.csv.ab12.part');
    expect(temporaryName('contacts.csv', 'ab12')).not.toMatch(/\.csv$/);
  });

  it('compares certificate fingerprints whatever their spelling', () => {
    const colon = 'AB:'.repeat(31) + 'CD';
    expect(normaliseTlsFingerprint(`SHA256:${colon.toLowerCase().replace(/:/g, '')}`)).toBe(colon);
    expect(sameTlsFingerprint(colon, `sha256:${colon.toLowerCase()}`)).toBe(true);
    expect(sameTlsFingerprint(colon, 'AB:'.repeat(32).slice(0, -1))).toBe(false);
  });

  it('sends passive data connections to the control host, never to the announced address', () => {
    expect(passiveDataHost('10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    expect(passiveDataHost('0.0.0.0', '::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(passiveDataHost('198.51.100.1', '203.0.113.7')).toBe('203.0.113.7');
  });
});
