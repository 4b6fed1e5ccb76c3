import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { Destination } from '../../src-core/destinations/destination';

/**
 * Mounts one destination-editor section (`src-renderer/src/screens/destination-editor/`) alone in
 * a Chromium page, with the real i18n and styles, so a section can be tested before an editor
 * hosts it. `changed(page)` returns the destination as the section last handed it to `onChange`.
 */

let bundle: Promise<{ js: string; css: string }> | undefined;

function bundleSections(): Promise<{ js: string; css: string }> {
  bundle ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [react()],
      define: { 'process.env.NODE_ENV': JSON.stringify('development') },
      build: {
        write: false,
        minify: false,
        cssCodeSplit: false,
        lib: {
          entry: join(import.meta.dirname, 'section-entry.tsx'),
          formats: ['iife'],
          name: 'CourierSections',
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Array<{
      output?: Array<{
        type: string;
        code?: string;
        fileName?: string;
        source?: string | Uint8Array;
      }>;
    }>;
    const files = outputs.flatMap(o => o.output ?? []);
    const js = files.find(o => o.type === 'chunk' && o.code)?.code;
    if (!js) throw new Error('Could not bundle the destination-editor sections.');
    const cssAsset = files.find(o => o.type === 'asset' && o.fileName?.endsWith('.css'));
    const css =
      cssAsset?.source === undefined
        ? ''
        : typeof cssAsset.source === 'string'
          ? cssAsset.source
          : new TextDecoder().decode(cssAsset.source);
    return { js, css };
  })();
  return bundle;
}

/**
 * Opens `name` (e.g. `numbers-and-dates`) in `page` around `destination`, in `language`.
 *
 * `inApp`: the page is an app page of the browser harness (`openApp`), whose `window.courier`
 * reaches the real main services: the section replaces the app's content, keeping its styles,
 * and is loaded through the debugging protocol (the app's CSP refuses inline scripts).
 */
export async function mountSection(
  page: Page,
  name: string,
  destination: Destination,
  options: Readonly<{ language?: 'en' | 'fr' | 'nl'; locale?: string; inApp?: boolean }> = {}
): Promise<void> {
  const { js, css } = await bundleSections();
  if (options.inApp) {
    await page.evaluate(() => {
      document.body.innerHTML = '<div id="section-root"></div>';
    });
    await page.evaluate(`${js}\n;window.CourierSections = CourierSections;`);
  } else {
    await page.setContent(
      '<!doctype html><html><head></head><body><div id="root"></div></body></html>'
    );
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ content: js });
  }
  const language = options.language ?? 'en';
  await page.evaluate(
    ([n, d, l, loc, c]) =>
      (
        window as unknown as { CourierSections: { mount: (...a: unknown[]) => void } }
      ).CourierSections.mount(n, d, l, loc, c),
    [
      name,
      destination,
      language,
      options.locale ?? (language === 'en' ? 'en-GB' : `${language}-BE`),
      options.inApp ? 'section-root' : 'root',
    ] as const
  );
}

/** The destination as the mounted section last changed it (the one it was mounted with if none). */
export async function changed(page: Page): Promise<{ destination: Destination; changes: number }> {
  return page.evaluate(() => {
    const state = (
      window as unknown as {
        CourierSections: { current: () => { current: Destination; changes: Destination[] } };
      }
    ).CourierSections.current();
    return { destination: state.current, changes: state.changes.length };
  });
}
