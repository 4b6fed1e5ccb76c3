import type { RejectedRow } from '../preparation/prepare';
import { englishRejectedWords, type RejectedWords } from '../output/rejected';
import { createI18n, type Language } from './i18n';
import { issueText } from './issue-text';

/**
 * The rows-left-out file in a person's language: the headers Courier adds and each row's reason,
 * said from its problems through the catalogue the window uses (English: the rows' own words,
 * as the command line prints them).
 */
export function rejectedWords(language: Language): RejectedWords<RejectedRow> {
  if (language === 'en') return englishRejectedWords;
  const i18n = createI18n(language, language);
  return {
    line: i18n.t('rejected.line'),
    why: i18n.t('rejected.why'),
    reason: row => {
      if (row.byHand) return i18n.t('rejected.by-hand');
      const because = row.because ?? [];
      if (because.length === 0) return row.reason;
      // The columns no file column is chosen for are said each; the rest as the window says them.
      return because.map(problem => issueText(problem, i18n)).join(' ');
    },
  };
}
