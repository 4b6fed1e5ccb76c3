import { originOf } from '../protocol/app-scheme';

/**
 * Whether an IPC message comes from one of Courier's own windows showing Courier's own page.
 *
 * Checks both the frame's web contents (it must belong to a window we created) and its URL (our
 * bundled renderer or, in development, the dev server), as GitHub Desktop's
 * `trusted-ipc-sender.ts` does. A page that navigated elsewhere, an iframe or a devtools
 * extension is refused.
 */
export type SenderInfo = Readonly<{
  webContentsId: number;
  frameUrl: string;
  isMainFrame: boolean;
}>;

export function isTrustedSender(
  sender: SenderInfo,
  ourWebContentsIds: ReadonlySet<number>,
  allowedOrigins: readonly string[]
): boolean {
  if (!ourWebContentsIds.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') return allowedOrigins.includes('file://');
  // Our `app://courier` page (a custom scheme's WHATWG origin is the opaque "null").
  const origin = originOf(sender.frameUrl);
  return origin !== null && allowedOrigins.includes(origin);
}
