import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  connectionAdvice,
  connectionStepTexts,
  fillTemplate,
} from '../../src-core/transfers/connection-steps';
import { createI18n } from '../../src-renderer/src/i18n/i18n';
import { en, type MessageKey } from '../../src-core/words/en';
import { adviceText, stepText } from '../../src-renderer/src/localized-text';

const languages = { fr: createI18n('fr', 'fr-BE'), nl: createI18n('nl', 'nl-BE') };
const english = createI18n('en', 'en-GB');
const sample = (template: string) =>
  Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map(m => [m[1]!, `«${m[1]}»`]));

/** Every (step id, status, key) the connection test writes, read from its source. */
async function producedSteps(): Promise<Array<{ id: string; status: string; key: string }>> {
  const source = await readFile(
    join(__dirname, '..', '..', 'src-main', 'transfers', 'connection-test.ts'),
    'utf8'
  );
  const out: Array<{ id: string; status: string; key: string }> = [];
  for (const m of source.matchAll(/said\((\w+|'[\w-]+'), '(\w+)', ([`'])([\w.${}-]+)\3/g)) {
    const id = m[1]!.replace(/'/g, '');
    const key = m[4]!;
    const keys = key.includes('${')
      ? Object.keys(connectionStepTexts).filter(k => k.startsWith(key.slice(0, key.indexOf('${'))))
      : [key];
    for (const k of keys) out.push({ id, status: m[2]!, key: k });
  }
  return out;
}

// The connection test in the user's language: every step it can write, in French and Dutch.
describe('connection test steps', () => {
  it('has French and Dutch for every step id and status the test produces, no blank left', async () => {
    const steps = await producedSteps();
    // The scan itself works: each step id shows up, with its statuses (`id`: any step skipped
    // after a failure).
    expect(new Set(steps.map(s => s.id))).toEqual(
      new Set([
        'protocol',
        'proxy',
        'lookup',
        'tcp',
        'handshake',
        'trust',
        'login',
        'folder',
        'data-connection',
        'write',
        'id',
      ])
    );
    expect(steps.some(s => s.status === 'skipped')).toBe(true);
    expect(steps.some(s => s.status === 'warning')).toBe(true);
    for (const { id, status, key } of steps) {
      expect(key in connectionStepTexts, `${id}/${status}: ${key}`).toBe(true);
      const params = sample(connectionStepTexts[key as keyof typeof connectionStepTexts]);
      for (const [name, i18n] of Object.entries(languages)) {
        const text = stepText(
          { id: 'tcp', status: status as 'ok', message: 'English', says: { key, params } },
          i18n
        );
        expect(text, `${name} ${key}`).not.toMatch(/\{\w+\}/);
        expect(text, `${name} ${key}`).not.toBe('English');
        for (const value of Object.values(params)) expect(text, `${name} ${key}`).toContain(value);
      }
    }
  });

  it('keeps the English of the app identical to what main writes for the CLI', () => {
    for (const [key, template] of Object.entries(connectionStepTexts)) {
      const params = sample(template);
      expect(english.t(key as MessageKey, params)).toBe(fillTemplate(template, params));
    }
  });

  it('says a failed step and its advice in the user’s language, with the error’s params', () => {
    const failed = {
      id: 'trust' as const,
      status: 'failed' as const,
      message: 'This server is not known yet. Its host key fingerprint is SHA256:abc.',
      code: 'trust.unknown-host-key',
      says: { key: 'error.trust.unknown-host-key', params: { fingerprint: 'SHA256:abc' } },
      advice: connectionAdvice['trust.unknown-host-key'],
    };
    expect(stepText(failed, languages.fr)).toContain(
      'L’empreinte de sa clé d’hôte est SHA256:abc.'
    );
    expect(stepText(failed, languages.nl)).toContain(
      'De vingerafdruk van zijn hostsleutel is SHA256:abc.'
    );
    expect(stepText(failed, english)).toBe(failed.message);
    expect(adviceText(failed, languages.nl)).toMatch(/^Vraag de leverancier/);
    expect(adviceText(failed, english)).toBe(failed.advice);
    // Every code that has advice can also be said as an error, in every language.
    for (const code of Object.keys(connectionAdvice)) {
      expect(`error.${code}` in en, code).toBe(true);
      expect(`connection.advice.${code}` in en, code).toBe(true);
    }
  });
});
