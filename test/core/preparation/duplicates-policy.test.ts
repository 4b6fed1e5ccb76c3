import { describe, expect, it } from 'vitest';
import { destination, prepare, preset, text } from './helpers';
import { createI18n } from '../../../src-renderer/src/i18n/i18n';
import { issueText } from '../../../src-core/words/issue-text';
import { englishIssueText } from '../../../src-core/words/issue-text';

const header = ['Email', 'Language', 'FirstName'];
const data = [
  ['an@example.be', 'nl', 'An'],
  ['jan@example.be', 'nl', 'Jan'],
  ['AN@Example.be', 'fr', 'Anne'],
];

// What the review card says about a duplicate must be what the delivered bytes hold.
describe('duplicates: what is said is what is written', () => {
  it('Hello Customer leaves a later duplicate out, counts it, lists it, and the sentence says so', () => {
    const d = preset('hello-customer');
    expect(d.duplicates).toBe('leave-out');
    const r = prepare(d, header, data);
    const file = text(r, d);
    expect(file).toContain('an@example.be');
    expect(file).toContain('jan@example.be');
    // The second invitation to the same person does not go out.
    expect(
      file.split('\r\n').filter(l => l.toLowerCase().startsWith('an@example.be;'))
    ).toHaveLength(1);
    expect(file).not.toContain('Anne');
    expect(r.writtenRowCount).toBe(2);
    expect(r.duplicateRowCount).toBe(1);
    expect(r.blocked).toBe(false);
    expect(r.rejected).toEqual([
      expect.objectContaining({ row: 2, sourceLine: 4, byHand: false, duplicate: true }),
    ]);
    const dup = r.issues.find(i => i.code === 'duplicate.key')!;
    expect(dup.variant).toBe('left-out');
    expect(englishIssueText(dup)).toBe(
      'Line 4 has the same Email as line 2. It is left out: only the first is sent.'
    );
    expect(issueText(dup, createI18n('en', 'en-GB'))).toBe(
      'Line 4 has the same Email as line 2. It is left out: only the first is sent.'
    );
    expect(issueText(dup, createI18n('fr', 'fr-BE'))).toBe(
      'La ligne 4 a la même valeur dans Email que la ligne 2. Elle est écartée : seule la première est envoyée.'
    );
  });

  it('the keep-duplicates choice sends both rows and says both are sent', () => {
    const d = preset('hello-customer');
    const r = prepare(d, header, data, { fixes: [{ kind: 'keep-duplicates' }] });
    expect(text(r, d)).toContain('Anne');
    expect(r.writtenRowCount).toBe(3);
    expect(r.duplicateRowCount).toBe(0);
    expect(r.rejected).toEqual([]);
    const dup = r.issues.find(i => i.code === 'duplicate.key')!;
    expect(dup.variant).toBe('kept');
    expect(issueText(dup, createI18n('en', 'en-GB'))).toBe(
      'Line 4 has the same Email as line 2. Both are sent.'
    );
  });

  it('a destination that keeps duplicates (the default) writes both and warns', () => {
    const d = destination({
      columns: [{ name: 'Email', rule: 'email' }, { name: 'FirstName' }],
      duplicateKey: ['Email'],
    });
    expect(d.duplicates).toBe('keep');
    const r = prepare(d, header, data);
    expect(r.writtenRowCount).toBe(3);
    expect(r.issues.map(i => `${i.code}/${i.variant}`)).toEqual(['duplicate.key/kept']);
  });

  it('a row with an error is not the first of its key: its later twin is sent', () => {
    const d = preset('hello-customer');
    const r = prepare(
      d,
      header,
      [
        ['an@example.be', 'xx-unknown', 'An'],
        ['an@example.be', 'nl', 'Anne'],
      ],
      { excludeInvalid: true }
    );
    expect(text(r, d)).toContain('Anne');
    expect(r.duplicateRowCount).toBe(0);
  });
});
