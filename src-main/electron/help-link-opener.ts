import type { Shell } from 'electron';
import { isHelpLink } from '../../src-core/help-links';

/**
 * Opens one of the app's help links in the system browser, and nothing else: the allow-list is
 * checked here, at the one call of `shell.openExternal`, as well as in the window's handler.
 * Returns whether it was opened.
 */
export function openHelpLink(
  shell: Pick<Shell, 'openExternal'>,
  url: string,
  links?: readonly string[]
): boolean {
  if (!isHelpLink(url, links)) return false;
  // Reviewed (Electronegativity OPEN_EXTERNAL_JS_CHECK): only an exact https help link gets here.
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}
