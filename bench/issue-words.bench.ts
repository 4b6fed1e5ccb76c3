/**
 * Saying a file's problems in words: a million row problems said in English through the
 * catalogue (`englishIssueText`, what `courier check --json` and an English rows-left-out file
 * do), in French (the window, a French rows-left-out file), and — the reference — each built with
 * a template literal, as core built its English sentence beside every problem until 2026-12-03.
 * Runs built, as the app ships its code (see built.ts).
 *
 * Environment: `BENCH_ISSUES` (default 1,000,000), `BENCH_RUNS` (default 3; the best is kept).
 */
import { runBuilt } from './built';
import type { IssueForText } from '../src-core/words/issue-text';

await runBuilt(import.meta.filename, 'issue-words');

const { englishIssueText, issueText } = await import('../src-core/words/issue-text');
const { createI18n } = await import('../src-core/words/i18n');

const COUNT = Number(process.env.BENCH_ISSUES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

// A mix of what a bad export holds: invalid addresses, phone numbers, dates, missing values.
const issues: IssueForText[] = Array.from({ length: COUNT }, (_, i): IssueForText => {
  const line = i + 2;
  switch (i % 4) {
    case 0:
      return {
        code: 'email.invalid',
        variant: 'many-at',
        params: { line, value: `jan${i}@@example.com`, character: '' },
      };
    case 1:
      return {
        code: 'phone.invalid',
        variant: 'plain',
        params: { line, value: `0470 ${i}`, country: 'BE', otherCountry: '', international: '' },
      };
    case 2:
      return {
        code: 'date.invalid',
        variant: 'plain',
        params: { line, value: `${i}/13/2026`, format: 'DD/MM/YYYY', reading: '', from: '' },
      };
    default:
      return {
        code: 'required.missing',
        variant: null,
        params: { line, column: 'Email', destination: 'Hello Customer' },
      };
  }
});

/** The reference: the sentences as core wrote them, one template literal each. */
function literal(issue: IssueForText): string {
  const p = issue.params;
  switch (issue.code) {
    case 'email.invalid':
      return `Row ${p.line}: “${p.value}” is not a valid e-mail address (it has more than one @).`;
    case 'phone.invalid':
      return `Row ${p.line}: “${p.value}” is not a valid Belgian phone number.`;
    case 'date.invalid':
      return `Row ${p.line}: “${p.value}” is not a date written as ${p.format}.`;
    default:
      return `Row ${p.line}: ${p.column} is empty, and ${p.destination} needs it in every row.`;
  }
}

const french = createI18n('fr', 'fr-BE');
const ways: Record<string, (issue: IssueForText) => string> = {
  'template literal (reference)': literal,
  'catalogue, English': englishIssueText,
  'catalogue, French': issue => issueText(issue, french),
};
const best: Record<string, number> = {};
for (let run = 0; run < RUNS; run++) {
  for (const [name, say] of Object.entries(ways)) {
    const started = performance.now();
    let characters = 0;
    for (const issue of issues) characters += say(issue).length;
    const ms = performance.now() - started;
    if (characters === 0) throw new Error('nothing said');
    best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
console.log(`${COUNT.toLocaleString('en')} row problems said in words, best of ${RUNS} runs`);
const reference = best['template literal (reference)']!;
for (const [name, ms] of Object.entries(best))
  console.log(
    `  ${name.padEnd(30)} ${ms.toFixed(0).padStart(6)} ms  ${((ms * 1000) / COUNT).toFixed(2)} µs each  ${name.includes('reference') ? '' : `(${(ms / reference).toFixed(1)}× the reference)`}`
  );
