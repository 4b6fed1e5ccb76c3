import { useState } from 'react';
import {
  formatSecretSource,
  splitCommandLine,
  type SecretSource,
  type SecretSourceKind,
} from '../../../src-core/destinations/secret-source';
import { useI18n } from '../i18n/i18n';

const kinds: readonly SecretSourceKind[] = [
  'keychain',
  'systemd-credential',
  'command',
  'environment',
  'ssh-agent',
  'key-file',
];

/** An agent or a key file only sign in to SFTP with a key. */
const keyOnly = (kind: SecretSourceKind) => kind === 'ssh-agent' || kind === 'key-file';

/** The text a person edits for a source (its name, command line, variable or path). */
function detailOf(source: SecretSource | undefined): string {
  if (!source) return '';
  switch (source.kind) {
    case 'systemd-credential':
      return source.name;
    case 'environment':
      return source.variable;
    case 'key-file':
      return source.path;
    case 'command':
      return formatSecretSource(source).slice('command:'.length);
    default:
      return '';
  }
}

/** The source for a kind and its text; `undefined` is the keychain (the default). */
function sourceOf(
  kind: SecretSourceKind,
  detail: string,
  previous: SecretSource | undefined
): SecretSource | undefined {
  switch (kind) {
    case 'keychain':
      return undefined;
    case 'ssh-agent':
      return { kind };
    case 'systemd-credential':
      return { kind, name: detail };
    case 'environment':
      return { kind, variable: detail };
    case 'key-file':
      return { kind, path: detail };
    case 'command':
      try {
        return { kind, argv: splitCommandLine(detail) };
      } catch {
        // A quote still open while typing: keep the last complete command.
        return previous?.kind === 'command' ? previous : { kind, argv: [] };
      }
  }
}

/** "Where the password comes from": the keychain (default), or a server's own secret source. */
export function SecretSourceField(props: {
  sftp: boolean;
  value: SecretSource | undefined;
  onChange: (source: SecretSource | undefined) => void;
}) {
  const { t } = useI18n();
  const kind = props.value?.kind ?? 'keychain';
  const [detail, setDetail] = useState(detailOf(props.value));
  const change = (nextKind: SecretSourceKind, nextDetail: string) => {
    setDetail(nextDetail);
    props.onChange(sourceOf(nextKind, nextDetail, props.value));
  };
  return (
    <>
      <label className="field">
        <span className="field__label">{t('dest.form.secretSource')}</span>
        <select value={kind} onChange={event => change(event.target.value as SecretSourceKind, '')}>
          {kinds
            .filter(k => props.sftp || !keyOnly(k))
            .map(k => (
              <option key={k} value={k}>
                {t(`dest.secretSource.${k}`)}
              </option>
            ))}
        </select>
      </label>
      {kind !== 'keychain' && kind !== 'ssh-agent' && (
        <label className="field">
          <span className="field__label">{t(`dest.secretSource.detail.${kind}`)}</span>
          <input
            value={detail}
            spellCheck={false}
            aria-describedby="dest-secret-source-hint"
            onChange={event => change(kind, event.target.value)}
          />
          <span id="dest-secret-source-hint" className="field__hint">
            {t(`dest.secretSource.hint.${kind}`)}
          </span>
        </label>
      )}
      {kind === 'ssh-agent' && (
        <span className="field__hint">{t('dest.secretSource.hint.ssh-agent')}</span>
      )}
    </>
  );
}
