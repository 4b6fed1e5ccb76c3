/**
 * The only web pages a Courier window may open in the system browser: the app's own help
 * links, by topic. Any other link the page asks to open is refused (the renderer is not trusted
 * to send the person anywhere). Courier ships no help links yet; add them here.
 */
export const helpLinks: Readonly<Record<string, string>> = Object.freeze({});

/** Whether a URL is exactly one of the app's help links (https only). */
export function isHelpLink(
  url: string,
  links: readonly string[] = Object.values(helpLinks)
): boolean {
  // Exact text only: no prefix matching, so no `https://help…@evil.example` can slip through.
  return url.startsWith('https://') && links.includes(url);
}
