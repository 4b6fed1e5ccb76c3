import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCELJS_PATCHED_VERSION } from '../../../src-main/reading/exceljs-parts';

/**
 * Courier replaces exceljs's `parse-sax` at run time (whole UTF-8 characters across chunks,
 * exceljs issue #2084). The replacement was written against one exceljs version: an upgrade must
 * re-check it, so the pinned, the installed and the patched versions must all agree.
 */
describe('the exceljs patch is versioned', () => {
  it('package.json pins the version the patch was written for, and that version is installed', () => {
    const root = join(import.meta.dirname, '../../..');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const installed = (
      createRequire(import.meta.url)('exceljs/package.json') as { version: string }
    ).version;
    expect(pkg.dependencies.exceljs).toBe(EXCELJS_PATCHED_VERSION);
    expect(installed).toBe(EXCELJS_PATCHED_VERSION);
  });
});
