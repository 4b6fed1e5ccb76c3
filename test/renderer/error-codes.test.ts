import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src-core/words/en';
import { fr } from '../../src-core/words/fr';
import { nl } from '../../src-core/words/nl';
import { readErrorCodes } from '../../src-core/reading/read-errors';
import { issueCodes } from '../../src-core/validation/issues';
import { errorCodes, isErrorCode, type ErrorCode } from '../../src-core/error-codes';

const root = join(__dirname, '..', '..');

async function sources(folder: string): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  for (const entry of await readdir(join(root, folder), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ path, text: await readFile(path, 'utf8') });
  }
  return out;
}

// Every way main and core name the code of an error they throw or return.
const patterns: readonly RegExp[] = [
  // new CourierError('code', …) / new TransferError('code', …), also across a line break
  /new (?:CourierError|TransferError)\(\s*['"`]([a-z][\w.-]*)['"`]/g,
  // { code: 'area.what', message } (PlainError literals, e.g. the IPC router's refusals)
  /\bcode:\s*['"`]([a-z][\w-]*\.[\w.-]+)['"`]/g,
  // tables of [code, message], e.g. the network errors of transfer-errors.ts
  /\[\s*'([a-z][\w-]*\.[\w.-]+)',\s*['"`]/g,
  // helpers that take a code: readError('not-found', …) builds `read.not-found`
  /\breadError\(\s*'([\w-]+)'/g,
  // other helpers named …Error(…)/…Failure(…) whose first argument is a code
  /\b\w+(?:Error|Failure)\(\s*'([a-z][\w-]*\.[\w.-]+)'/g,
];

/** Every error code the sources of main and core can produce. */
async function thrownCodes(): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const constructed = new Set<string>();
  for (const { path, text } of [...(await sources('src-core')), ...(await sources('src-main'))]) {
    for (const [index, pattern] of patterns.entries()) {
      for (const match of text.matchAll(pattern)) {
        const raw = match[1]!;
        const code = pattern.source.includes('readError') ? `read.${raw}` : raw;
        if (code.endsWith('.')) continue; // a template such as `read.${code}`
        if (index === 0) constructed.add(code);
        if (!codes.has(code)) codes.set(code, path.slice(root.length + 1));
      }
    }
  }
  for (const code of readErrorCodes) if (!codes.has(code)) codes.set(code, 'read-errors.ts');
  // Row issues (`RowIssue.code`) are not errors: the review says them with `issue.*` sentences.
  for (const code of Object.keys(issueCodes)) if (!constructed.has(code)) codes.delete(code);
  return codes;
}

// A new error that reaches the user without words in French and Dutch fails here, not in use.
describe('error messages', () => {
  it('finds the error codes of main and core (the scan itself works)', async () => {
    const codes = await thrownCodes();
    const known: readonly ErrorCode[] = [
      'auth.login-failed',
      'connection.unreachable',
      'read.too-many-columns',
      'ipc.untrusted-sender',
      'send.rows-have-errors',
      'trust.unknown-host-key',
      'cancelled',
      'secrets.locked',
      'worker.timeout',
    ];
    for (const code of known) expect(codes.has(code), code).toBe(true);
    expect(codes.size).toBeGreaterThan(100);
    expect(codes.has('email.invalid')).toBe(false);
  });

  it('has an error.<code> message in English, French and Dutch for every code thrown', async () => {
    const missing = [...(await thrownCodes())]
      .filter(([code]) => !(`error.${code}` in en))
      .map(([code, path]) => `error.${code} (${path})`);
    expect(missing).toEqual([]);
    for (const key of Object.keys(en).filter(k => k.startsWith('error.'))) {
      expect(fr[key as keyof typeof fr], key).toBeTruthy();
      expect(nl[key as keyof typeof nl], key).toBeTruthy();
    }
  });

  // The list the compiler checks CourierError and the catalogue against holds every code the
  // sources make, also those it cannot see (templates, worker and schema codes), and no other.
  it('lists every code thrown in core’s errorCodes, and gives each listed code its sentence', async () => {
    const codes = await thrownCodes();
    expect(
      [...codes].filter(([code]) => !isErrorCode(code)).map(([c, p]) => `${c} (${p})`)
    ).toEqual([]);
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    expect([...errorCodes].sort()).toEqual([...errorCodes]);
    const sentences = Object.keys(en)
      .filter(k => k.startsWith('error.') && !k.endsWith('.general'))
      .map(k => k.slice('error.'.length))
      .filter(code => isErrorCode(code));
    expect(sentences.sort()).toEqual([...errorCodes].sort());
  });

  it('gives every fallback (`.general`) a message of its own code to fall back from', () => {
    for (const key of Object.keys(en).filter(k => k.endsWith('.general'))) {
      expect(key.slice(0, -'.general'.length) in en, key).toBe(true);
    }
  });

  it('translates rather than copies: French and Dutch differ from the English', () => {
    const same = Object.keys(en)
      .filter(k => k.startsWith('error.'))
      .filter(k => {
        const e = JSON.stringify(en[k as keyof typeof en]);
        return (
          e === JSON.stringify(fr[k as keyof typeof fr]) ||
          e === JSON.stringify(nl[k as keyof typeof nl])
        );
      });
    expect(same).toEqual([]);
  });
});
