import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';

const home = tempHome('courier-rejected-lang-');

describe('courier prepare --lang', () => {
  it('writes the rows left out in French, as the app does for a French window', async () => {
    const file = join(home.path, 'export.csv');
    await writeFile(file, 'Courriel;Langue\r\njan@@example.com;nl\r\nok@example.com;fr\r\n');
    const out = join(home.path, 'out');
    const done = await courier(
      [
        'prepare',
        file,
        '--destination',
        'hello-customer',
        '--out',
        out,
        '--exclude-invalid',
        '--lang',
        'fr',
      ],
      { home: home.path }
    );
    expect(done.code).toBe(0);
    const rejected = (await readFile(join(out, 'rejected', 'rejected.csv'), 'utf8')).replace(
      /^\uFEFF/,
      ''
    );
    const [header, row] = rejected.split('\r\n');
    expect(header).toBe('Ligne,Courriel,Langue,Pourquoi elle n’a pas été envoyée');
    expect(row).toMatch(/^2,jan@@example\.com,nl,Ligne 2 : .*adresse e-mail/);

    // Without --lang: English, as before.
    const english = join(home.path, 'out-en');
    await courier(
      ['prepare', file, '--destination', 'hello-customer', '--out', english, '--exclude-invalid'],
      { home: home.path }
    );
    expect(await readFile(join(english, 'rejected', 'rejected.csv'), 'utf8')).toContain(
      'Why it was not sent'
    );
  });

  it('refuses a language Courier does not speak, in plain words', async () => {
    const file = join(home.path, 'export.csv');
    await writeFile(file, 'Courriel;Langue\r\nok@example.com;fr\r\n');
    const refused = await courier(
      ['check', file, '--destination', 'hello-customer', '--lang', 'de'],
      {
        home: home.path,
      }
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--lang must be one of en, fr, nl (got “de”)');
  });
});
