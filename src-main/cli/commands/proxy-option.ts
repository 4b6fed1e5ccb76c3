import {
  proxySettingFromText,
  type ProxySetting,
} from '../../../src-core/destinations/proxy-setting';
import { UsageError } from '../cli-io';

/** Usage lines of `--proxy` and `--proxy-password-stdin` (destinations add and set). */
export const proxyOptionsUsage = `  --proxy URL          connect through a proxy: http://host:port (HTTP CONNECT),
                       socks5://[user@]host:port, env (ALL_PROXY / HTTPS_PROXY / NO_PROXY),
                       system (the computer's proxy settings, PAC files included, in the
                       app; the env variables in the command line) or none (direct)
  --proxy-password-stdin
                       read the proxy user's password from standard input (the line after
                       the server password when both are given); kept in the keychain`;

/** The destination's proxy a `--proxy` value names (undefined: not given). */
export function proxyOption(
  values: Readonly<{ proxy?: string; 'proxy-password-stdin'?: boolean }>
): ProxySetting | undefined {
  if (values.proxy === undefined) {
    if (values['proxy-password-stdin'])
      throw new UsageError(
        '--proxy-password-stdin goes with --proxy socks5://USER@host:port (or http://USER@…).'
      );
    return undefined;
  }
  const setting = proxySettingFromText(values.proxy);
  if ('error' in setting) throw new UsageError(setting.error);
  if (values['proxy-password-stdin'] && !('user' in setting && setting.user))
    throw new UsageError(
      '--proxy-password-stdin needs a proxy user: --proxy http://USER@host:port.'
    );
  return setting;
}
