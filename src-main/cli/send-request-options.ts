import type { Fix } from '../../src-core/fixes/fix-schema';
import type { SendRequest } from '../../src-core/pipeline/send-request';
import { readMappingFile } from '../preparation/prepare-file';
import { UsageError } from './cli-io';
import { readFixOption } from './fix-option';
import { readSourceOptions } from './source-options';
import { languages, type Language } from '../../src-core/words/i18n';

/** The flags `check`, `prepare` and `send` share to say what to send (their parsed values). */
export type SendRequestValues = Readonly<{
  destination?: string;
  mapping?: string;
  sheet?: string;
  'header-row'?: string;
  fix?: readonly string[];
  'keep-duplicates'?: boolean;
  'exclude-invalid'?: boolean;
  lang?: string;
}>;

/** `--lang en|fr|nl`: the language of the rows-left-out file (headers and reasons), as the app's. */
export const languageOption = { lang: { type: 'string' } } as const;

/** The `--lang` value as a language Courier speaks, or a usage error. */
export function readLanguageOption(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  const language = value.trim().toLowerCase();
  if (!(languages as readonly string[]).includes(language))
    throw new UsageError(`--lang must be one of ${languages.join(', ')} (got “${value}”).`);
  return language as Language;
}

/**
 * FILE and the flags of `check`, `prepare` and `send` as core's SendRequest: the same request the
 * app's Send button and a scheduled job make, so the three commands read a file as they do.
 */
export async function readSendRequest(
  positionals: readonly string[],
  values: SendRequestValues
): Promise<SendRequest> {
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'Which file? Give one FILE.' : 'Give exactly one FILE.'
    );
  if (!values.destination) throw new UsageError('--destination is required.');
  const fromFile = values.mapping ? await readMappingFile(values.mapping) : undefined;
  return {
    path: positionals[0]!,
    ...readSourceOptions(values),
    destination: values.destination,
    ...(fromFile?.mapping ? { mapping: fromFile.mapping } : {}),
    fixes: withKeepDuplicates(
      [...(fromFile?.fixes ?? []), ...readFixOption(values.fix)],
      values['keep-duplicates'] === true
    ),
    excludeInvalid: values['exclude-invalid'] === true,
    ...(values.lang !== undefined ? { language: readLanguageOption(values.lang) } : {}),
  };
}

/** The fixes plus the `--keep-duplicates` choice (recorded as a fix, as the app and jobs do). */
export function withKeepDuplicates(
  fixes: readonly Fix[] | undefined,
  keep: boolean
): Fix[] | undefined {
  if (!keep) return fixes ? [...fixes] : undefined;
  return [...(fixes ?? []), { kind: 'keep-duplicates' }];
}
