import type { RejectedRow } from '../preparation/prepare';
import type { RejectedWords } from '../output/rejected';
import { createI18n, type Language } from './i18n';
import { issueText } from './issue-text';

/**
 * The rows-left-out file in a person's language: the headers Courier adds and each row's reason,
 * said from its problems through the catalogue the window uses (the command line's English too).
 *
 * The required columns no file column is chosen for are the reason of every row: they are said
 * once, in one sentence, before the row's own problems.
 */
export function rejectedWords(language: Language): RejectedWords<RejectedRow> {
  const i18n = createI18n(language, language);
  return {
    line: i18n.t('rejected.line'),
    why: i18n.t('rejected.why'),
    reason: row => {
      if (row.byHand) return i18n.t('rejected.by-hand');
      const unmapped: string[] = [];
      const said: string[] = [];
      for (const problem of row.because) {
        if (problem.code === 'mapping.required-unmapped') unmapped.push(String(problem.params.column));
        else said.push(issueText(problem, i18n));
      }
      if (unmapped.length > 0)
        said.unshift(i18n.t('rejected.unmapped', { columns: i18n.format.list(unmapped) }));
      return said.join(' ');
    },
  };
}
