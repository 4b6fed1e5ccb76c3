import { describe, expect, it } from 'vitest';
import { prepareRows } from '../../../src-core/preparation/prepare';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { rejectedRowsCsv } from '../../../src-core/output/rejected';
import { rejectedWords } from '../../../src-core/words/rejected-words';
import { parseDestination } from '../../../src-core/destinations/destination';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

describe('the rows-left-out file in the person’s language', () => {
  const destination = parseDestination({
    ...destinationFromPreset('hello-customer'),
    variables: { touchpoint: 'NPS' },
  });
  const rows = [
    { index: 0, line: 2, cells: ['jan@@example.com', 'nl'] },
    { index: 1, line: 3, cells: ['ok@example.com', 'fr'] },
    { index: 2, line: 4, cells: ['left@example.com', 'en'] },
  ];
  const result = prepareRows(
    {
      destination,
      sourceColumns: ['Courriel', 'Langue'],
      mapping: { Email: 'Courriel', Language: 'Langue' },
      excludeInvalid: true,
      fixes: [{ kind: 'exclude-row', row: 2 }],
      now: new Date(2026, 11, 3),
    },
    rows
  );

  it('says the English file in the command line’s words, from the same catalogue', () => {
    const lines = text(rejectedRowsCsv(result.sourceColumns, result.rejected, rejectedWords('en'))).split('\r\n');
    expect(lines[0]).toBe('Line,Courriel,Langue,Why it was not sent');
    expect(lines[1]).toBe(
      '2,jan@@example.com,nl,Line 2: “jan@@example.com” is not a valid e-mail address (it has more than one @).'
    );
    expect(lines[2]).toBe('4,left@example.com,en,Left out by hand.');
  });

  it('says the required columns no file column feeds once per row, before the row’s own problems', () => {
    const unmapped = prepareRows(
      {
        destination,
        sourceColumns: ['Courriel'],
        mapping: { Email: 'Courriel' },
        excludeInvalid: true,
        now: new Date(2026, 11, 3),
      },
      [{ index: 0, line: 2, cells: ['jan@@example.com'] }]
    );
    const said = (language: 'en' | 'fr' | 'nl') =>
      text(rejectedRowsCsv(unmapped.sourceColumns, unmapped.rejected, rejectedWords(language))).split('\r\n')[1];
    expect(said('en')).toBe(
      '2,jan@@example.com,No column of the file is chosen for Language. Line 2: “jan@@example.com” is not a valid e-mail address (it has more than one @).'
    );
    expect(said('fr')).toMatch(/^2,jan@@example\.com,Aucune colonne du fichier n’est choisie pour Language\. Ligne 2/);
    expect(said('nl')).toMatch(/^2,jan@@example\.com,Er is geen kolom van het bestand gekozen voor Language\. Regel 2/);
  });

  it('says headers and reasons in French and Dutch, from the window’s catalogue', () => {
    const fr = text(rejectedRowsCsv(result.sourceColumns, result.rejected, rejectedWords('fr')));
    const [header, invalid, byHand] = fr.split('\r\n');
    expect(header).toBe('Ligne,Courriel,Langue,Pourquoi elle n’a pas été envoyée');
    expect(invalid).toMatch(/^2,jan@@example\.com,nl,.*adresse e-mail/);
    expect(invalid).not.toContain('not a valid');
    expect(byHand).toBe('4,left@example.com,en,Écartée à la main.');
    const nl = text(rejectedRowsCsv(result.sourceColumns, result.rejected, rejectedWords('nl')));
    expect(nl.split('\r\n')[0]).toBe('Regel,Courriel,Langue,Waarom ze niet verstuurd is');
    expect(nl).not.toContain('not a valid');
  });
});
