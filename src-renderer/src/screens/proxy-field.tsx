import {
  proxySettingFromText,
  type ProxySetting,
} from '../../../src-core/destinations/proxy-setting';
import { useI18n } from '../i18n/i18n';

/** How a destination's proxy is typed: `http://host:port`, `socks5://user@host:port`, `env`, `system`, or empty. */
export function proxyText(proxy: ProxySetting | undefined): string {
  if (!proxy || proxy.kind === 'none') return '';
  if (proxy.kind === 'environment') return 'env';
  if (proxy.kind === 'system') return 'system';
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
  return `${proxy.kind}://${proxy.user ? `${proxy.user}@` : ''}${host}:${proxy.port}`;
}

/**
 * The destination form's Proxy field (and the proxy password when the proxy has a user).
 *
 * `onText` gets the typed text and the setting it names, or null while it is not a proxy yet.
 */
export function ProxyField(props: {
  text: string;
  password: string;
  onText: (text: string, proxy: ProxySetting | null) => void;
  onPassword: (password: string) => void;
}) {
  const { t } = useI18n();
  const parsed =
    props.text.trim() === '' ? ({ kind: 'none' } as const) : proxySettingFromText(props.text);
  const invalid = 'error' in parsed;
  const withUser = !invalid && 'user' in parsed && parsed.user !== undefined;
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="dest-proxy">
          {t('dest.form.proxy')}
        </label>
        <input
          id="dest-proxy"
          value={props.text}
          placeholder="socks5://user@proxy:1080"
          aria-invalid={invalid}
          aria-describedby="dest-proxy-hint"
          onChange={event => {
            const text = event.target.value;
            const next =
              text.trim() === '' ? ({ kind: 'none' } as const) : proxySettingFromText(text);
            props.onText(text, 'error' in next ? null : next);
          }}
        />
        <span id="dest-proxy-hint" className="field__hint">
          {invalid ? t('dest.form.proxyInvalid') : t('dest.form.proxyHint')}
        </span>
      </div>
      {withUser && (
        <label className="field">
          <span className="field__label">{t('dest.form.proxyPassword')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={props.password}
            onChange={event => props.onPassword(event.target.value)}
          />
        </label>
      )}
    </>
  );
}
