import { describe, expect, it } from 'vitest';
import { addressColumn } from '../../../src-core/mapping/address-groups';
import { suggestMapping } from '../../../src-core/mapping/suggest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { SuggestionSchema } from '../../../src-core/preparation/preparation-ipc';

const digitaleo = () => destinationFromPreset('digitaleo').columns;
const addressTargets = ['Adresse 1', 'Adresse 2', 'Code postal', 'Ville', 'Etat', 'Pays'];

/** The suggestions for Digitaleo's address columns, by target. */
function addressSuggestions(sourceColumns: string[]) {
  const all = suggestMapping(digitaleo(), sourceColumns);
  return Object.fromEntries(
    all.filter(s => addressTargets.includes(s.target)).map(s => [s.target, s])
  );
}

describe('address columns named with the address they belong to', () => {
  it.each([
    // Salesforce
    ['Mailing Street', 'mailing', 'address1'],
    ['Mailing City', 'mailing', 'city'],
    ['Mailing State/Province', 'mailing', 'state'],
    ['Mailing Zip/Postal Code', 'mailing', 'postalCode'],
    ['Mailing Country', 'mailing', 'country'],
    ['Billing Street', 'billing', 'address1'],
    ['Shipping Zip/Postal Code', 'shipping', 'postalCode'],
    ['Other Street', 'other', 'address1'],
    ['Home Street', 'home', 'address1'],
    ['Work City', 'work', 'city'],
    // HubSpot
    ['Street Address', '', 'address1'],
    ['State/Region', '', 'state'],
    ['Country/Region', '', 'country'],
    ['Postal Code', '', 'postalCode'],
    // Dynamics
    ['Address 1: Street 1', 'primary', 'address1'],
    ['Address 1: Street 2', 'primary', 'address2'],
    ['Address 1: ZIP/Postal Code', 'primary', 'postalCode'],
    ['Address 2: City', 'second', 'city'],
    // French, Dutch, German
    ['Adresse de facturation', 'billing', 'address1'],
    ['Code postal de livraison', 'shipping', 'postalCode'],
    ['Ville (facturation)', 'billing', 'city'],
    ['Adresse postale', 'postal', 'address1'],
    ['Factuuradres', 'billing', 'address1'],
    ['Postadres', 'postal', 'address1'],
    ['Postcode', '', 'postalCode'],
    ['Bezoekadres plaats', 'visit', 'city'],
    ['Rechnungs-PLZ', 'billing', 'postalCode'],
    ['Rechnungsstraße', 'billing', 'address1'],
    ['Lieferland', 'shipping', 'country'],
  ])('%s: the %s address, its %s', (header, group, part) => {
    expect(addressColumn(header)).toEqual({ group, part });
  });

  it.each([
    'Email',
    'Home Phone',
    'Billing Contact',
    'Code',
    'Company Name',
    'Postbus',
    'Werkgever',
  ])('%s is not an address column', header => {
    expect(addressColumn(header)).toBeNull();
  });
});

describe('proposing address columns for Digitaleo', () => {
  it('a Salesforce export with mailing and billing addresses: the mailing one, asked, saying which', () => {
    const s = addressSuggestions([
      'First Name',
      'Last Name',
      'Email',
      'Billing Street',
      'Billing City',
      'Billing State/Province',
      'Billing Zip/Postal Code',
      'Billing Country',
      'Mailing Street',
      'Mailing City',
      'Mailing State/Province',
      'Mailing Zip/Postal Code',
      'Mailing Country',
    ]);
    expect(s['Adresse 1']).toMatchObject({
      source: 'Mailing Street',
      addressGroup: 'mailing',
      otherAddressGroups: ['billing'],
      question: true,
    });
    expect(s['Code postal']).toMatchObject({
      source: 'Mailing Zip/Postal Code',
      addressGroup: 'mailing',
    });
    expect(s['Ville']).toMatchObject({ source: 'Mailing City', addressGroup: 'mailing' });
    expect(s['Etat']).toMatchObject({ source: 'Mailing State/Province', addressGroup: 'mailing' });
    expect(s['Pays']).toMatchObject({ source: 'Mailing Country', addressGroup: 'mailing' });
    expect(s['Adresse 2']!.source).toBeNull();
    // Which address was used reaches the screen (the IPC schema keeps it).
    expect(SuggestionSchema.parse(s['Ville'])).toMatchObject({
      addressGroup: 'mailing',
      otherAddressGroups: ['billing'],
    });
  });

  it('one address only (billing): proposed outright', () => {
    const s = addressSuggestions([
      'Name',
      'Billing Street',
      'Billing City',
      'Billing Zip/Postal Code',
      'Billing Country',
    ]);
    expect(s['Adresse 1']).toMatchObject({
      source: 'Billing Street',
      addressGroup: 'billing',
      question: false,
    });
    expect(s['Ville']).toMatchObject({ source: 'Billing City', question: false });
    expect(s['Code postal']!.source).toBe('Billing Zip/Postal Code');
    expect(s['Pays']!.source).toBe('Billing Country');
    expect(s['Adresse 1']!.otherAddressGroups).toBeUndefined();
  });

  it('a part the mailing address lacks comes from another, and is asked', () => {
    const s = addressSuggestions([
      'Mailing Street',
      'Mailing City',
      'Shipping Street',
      'Shipping Country',
    ]);
    expect(s['Adresse 1']!.source).toBe('Mailing Street');
    expect(s['Pays']).toMatchObject({
      source: 'Shipping Country',
      addressGroup: 'shipping',
      question: true,
    });
  });

  it('Dynamics: address 1 before address 2, street 2 to Adresse 2', () => {
    const s = addressSuggestions([
      'Address 2: Street 1',
      'Address 2: City',
      'Address 1: Street 1',
      'Address 1: Street 2',
      'Address 1: City',
      'Address 1: ZIP/Postal Code',
      'Address 1: State/Province',
      'Address 1: Country/Region',
    ]);
    expect(s['Adresse 1']!.source).toBe('Address 1: Street 1');
    expect(s['Adresse 2']!.source).toBe('Address 1: Street 2');
    expect(s['Ville']!.source).toBe('Address 1: City');
    expect(s['Code postal']!.source).toBe('Address 1: ZIP/Postal Code');
    expect(s['Etat']!.source).toBe('Address 1: State/Province');
    expect(s['Pays']!.source).toBe('Address 1: Country/Region');
  });

  it('HubSpot and French exports: plain address columns, proposed outright as before', () => {
    const hub = addressSuggestions([
      'Email',
      'Street Address',
      'City',
      'State/Region',
      'Postal Code',
      'Country/Region',
    ]);
    expect(Object.values(hub).map(x => [x.target, x.source, x.question])).toEqual([
      ['Adresse 1', 'Street Address', false],
      ['Adresse 2', null, false],
      ['Code postal', 'Postal Code', false],
      ['Ville', 'City', false],
      ['Etat', 'State/Region', false],
      ['Pays', 'Country/Region', false],
    ]);
    const fr = addressSuggestions([
      'Adresse de facturation',
      'Code postal de facturation',
      'Ville de facturation',
      'Adresse de livraison',
      'Ville de livraison',
      'Pays de livraison',
    ]);
    expect(fr['Adresse 1']).toMatchObject({
      source: 'Adresse de facturation',
      addressGroup: 'billing',
    });
    expect(fr['Ville']!.source).toBe('Ville de facturation');
    expect(fr['Pays']).toMatchObject({ source: 'Pays de livraison', question: true });
  });
});
