import { describe, expect, it } from 'vitest';
import { editDistance, mappingFromSuggestions, suggestMapping } from '../../../src-core/mapping/suggest';
import { compactHeader, conceptOf, guessRule, normaliseHeader } from '../../../src-core/mapping/concepts';
import { adaptMapping, compareHeaders } from '../../../src-core/mapping/header-changes';
import { destinationFromPreset } from '../../../src-core/destinations/presets';

describe('header normalisation and synonyms', () => {
  it('folds case, accents, punctuation and camelCase', () => {
    expect(normaliseHeader('E-Mail-Adresse')).toBe('e mail adresse');
    expect(compactHeader('FirstName')).toBe('firstname');
    expect(normaliseHeader('Téléphone_Fixe')).toBe('telephone fixe');
  });

  it.each([
    ['E-mail', 'email'],
    ['Courriel', 'email'],
    ['Adresse e-mail', 'email'],
    ['Emailadres', 'email'],
    ['E-Mail-Adresse', 'email'],
    ['Langue', 'language'],
    ['Taal', 'language'],
    ['Sprache', 'language'],
    ['Prénom', 'firstName'],
    ['Voornaam', 'firstName'],
    ['Vorname', 'firstName'],
    ['Achternaam', 'lastName'],
    ['Nachname', 'lastName'],
    ['GSM', 'mobile'],
    ['Handynummer', 'mobile'],
    ['Téléphone fixe', 'phone'],
    ['Code postal', 'postalCode'],
    ['Woonplaats', 'city'],
    ['Klantnummer', 'reference'],
    ['Geburtsdatum', 'birthDate'],
  ])('%s means %s', (header, concept) => {
    expect(conceptOf(header)).toBe(concept);
  });

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('suggestions', () => {
  const hello = destinationFromPreset('hello-customer').columns;

  it('maps a French export to Hello Customer with confidence', () => {
    const s = suggestMapping(hello, ['Courriel', 'Langue', 'Prénom', 'Nom', 'Magasin', 'Numéro client'], [['a@b.be', 'FR', 'Anne', 'Dubois', 'Namur', '12']]);
    expect(mappingFromSuggestions(s)).toEqual({ Email: 'Courriel', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom', Department: 'Magasin', CustomId: 'Numéro client' });
    expect(s.find(x => x.target === 'Email')).toMatchObject({ question: false });
  });

  it('maps Dutch and German headers', () => {
    const nl = mappingFromSuggestions(suggestMapping(hello, ['Voornaam', 'Achternaam', 'Emailadres', 'Taal']));
    expect(nl).toMatchObject({ Email: 'Emailadres', Language: 'Taal', FirstName: 'Voornaam', LastName: 'Achternaam' });
    const de = mappingFromSuggestions(suggestMapping(hello, ['E-Mail-Adresse', 'Sprache', 'Vorname', 'Nachname']));
    expect(de).toMatchObject({ Email: 'E-Mail-Adresse', Language: 'Sprache', FirstName: 'Vorname', LastName: 'Nachname' });
  });

  it('sniffs content: a column of e-mail addresses feeds Email whatever its header, as a question', () => {
    const sample = [
      ['1', 'jan@example.be', 'x'],
      ['2', 'marie@exemple.fr', 'y'],
      ['3', 'piet@voorbeeld.nl', 'z'],
    ];
    const s = suggestMapping(hello, ['Id', 'Contact', 'Notes'], sample);
    const email = s.find(x => x.target === 'Email')!;
    expect(email).toMatchObject({ source: 'Contact', reason: 'content', question: true });
    expect(email.confidence).toBeGreaterThan(0.5);
    expect(email.confidence).toBeLessThan(0.8);
  });

  it('a misspelt header is a similar name', () => {
    const s = suggestMapping([{ name: 'Reference', required: false, rule: 'reference' }], ['Refrence']);
    expect(s[0]).toMatchObject({ source: 'Refrence', reason: 'similar-name' });
  });

  it('each source column feeds at most one target; unknown columns stay unmapped', () => {
    const s = suggestMapping(destinationFromPreset('digitaleo').columns, ['Email', 'Foo', 'Bar']);
    const used = s.filter(x => x.source !== null).map(x => x.source);
    expect(new Set(used).size).toBe(used.length);
    expect(s.find(x => x.target === 'Email')!.source).toBe('Email');
    expect(used).not.toContain('Foo');
  });

  it('a required column without any candidate is a question', () => {
    const s = suggestMapping(hello, ['Foo']);
    expect(s.find(x => x.target === 'Email')).toMatchObject({ source: null, question: true });
  });

  it('guesses rules for sample columns', () => {
    expect(guessRule('Agent Email')).toBe('email');
    expect(guessRule('Contact', ['a@b.be', 'c@d.fr'])).toBe('email');
    expect(guessRule('Start', ['2026-11-20', '2026-11-21'])).toBe('date');
    expect(guessRule('Caller', ['+32470123456', '0470 12 34 56'])).toBe('phone');
    expect(guessRule('Notes', ['hello'])).toBe('text');
  });
});

describe('header changes', () => {
  it('reports renamed, added and gone columns', () => {
    const c = compareHeaders(['E-mail', 'Langue', 'Prénom', 'Ville'], ['Courriel', 'Langue', 'Prénom', 'Code postal']);
    expect(c.renamed).toEqual([{ from: 'E-mail', to: 'Courriel' }, { from: 'Ville', to: 'Code postal' }]);
    const d = compareHeaders(['Email', 'Langue', 'Ville', 'Extra'], ['Email', 'Langue', 'Telefoon']);
    expect(d).toEqual({ added: [], gone: ['Extra'], renamed: [{ from: 'Ville', to: 'Telefoon' }] });
    const e = compareHeaders(['Email'], ['Email', 'Telefoon']);
    expect(e).toEqual({ added: ['Telefoon'], gone: [], renamed: [] });
  });

  it('adapts a mapping: renamed sources follow, vanished ones become null', () => {
    const changes = { added: [], gone: ['Ville'], renamed: [{ from: 'E-mail', to: 'Courriel' }] };
    expect(adaptMapping({ Email: 'E-mail', Department: 'Ville', Language: 'Langue', X: null }, changes, ['Courriel', 'Langue'])).toEqual({
      Email: 'Courriel',
      Department: null,
      Language: 'Langue',
      X: null,
    });
  });
});
