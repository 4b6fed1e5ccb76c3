import { describe, expect, it } from 'vitest';
import type { CourierError } from '../../../src-core/errors';
import { parseDestination } from '../../../src-core/destinations/destination';
import { applySettings, settingsUsage } from '../../../src-core/destinations/destination-settings';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import {
  parseRelatedOption,
  planRelated,
  relatedDestination,
} from '../../../src-core/destinations/related-files';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return (error as CourierError).code;
  }
  return undefined;
};

describe('related file sets (BlueConic profiles, orders, products)', () => {
  const base = destinationFromPreset('blueconic', 'Shop');
  const shop = applySettings(base, [
    ['related.orders.columns', 'order_id:reference*, customer_id*, total:number'],
    ['related.orders.file-name', 'orders_{date:YYYYMMDD}.csv'],
    ['related.products.columns', 'product_id*,title'],
  ]);

  it('are set with related.NAME.columns and related.NAME.file-name, in the order created', () => {
    expect(shop.related).toEqual([
      {
        name: 'orders',
        fileName: 'orders_{date:YYYYMMDD}.csv',
        columns: [
          { name: 'order_id', required: true, rule: 'reference' },
          { name: 'customer_id', required: true, rule: 'text' },
          { name: 'total', required: false, rule: 'number' },
        ],
      },
      {
        name: 'products',
        fileName: 'products_{date:YYYYMMDD}_{time:HHmmss}.csv',
        columns: [
          { name: 'product_id', required: true, rule: 'text' },
          { name: 'title', required: false, rule: 'text' },
        ],
      },
    ]);
    // Listing the columns again keeps a column's rule; "none" removes the set.
    const changed = applySettings(shop, [['related.orders.columns', 'total,order_id']]);
    expect(changed.related![0]!.columns.map(c => [c.name, c.rule, c.required])).toEqual([
      ['total', 'number', false],
      ['order_id', 'reference', true],
    ]);
    expect(applySettings(shop, [['related.orders', 'none']]).related!.map(s => s.name)).toEqual([
      'products',
    ]);
    expect(
      applySettings(shop, [
        ['related.orders', 'none'],
        ['related.products', 'none'],
      ]).related
    ).toBeUndefined();
    expect(settingsUsage).toContain('related.NAME.columns=');
  });

  it('refuses a wrong related setting in words', () => {
    const wrong = (key: string, value: string) => codeOf(() => applySettings(shop, [[key, value]]));
    expect(wrong('related.refunds.file-name', 'refunds.csv')).toBe('destination.setting-invalid');
    expect(wrong('related.main.columns', 'a')).toBe('destination.setting-invalid');
    expect(wrong('related.orders.columns', 'a:colour')).toBe('destination.setting-invalid');
    expect(wrong('related.orders.columns', 'a,A')).toBe('destination.setting-invalid');
    expect(wrong('related.orders', 'yes')).toBe('destination.setting-invalid');
    expect(wrong('related.orders.file-name', 'a/b.csv')).toBe('destination.setting-invalid');
  });

  it('a destination file with two sets of one name, or related files as XML, is refused', () => {
    const twice = { ...shop, related: [shop.related![0]!, shop.related![0]!] };
    expect(() => parseDestination(twice)).toThrow(/the related file “orders” appears twice/);
    expect(
      codeOf(() => parseDestination({ ...shop, related: [{ ...shop.related![0]!, name: 'main' }] }))
    ).toBe('destination.invalid');
  });

  it('pairs the given files with the sets, in the destination’s order; all or none', () => {
    expect(
      planRelated(shop, [
        { name: 'products', path: '/p.csv' },
        { name: 'Orders', path: '/o.csv' },
      ]).map(p => [p.set.name, p.path])
    ).toEqual([
      ['orders', '/o.csv'],
      ['products', '/p.csv'],
    ]);
    expect(codeOf(() => planRelated(shop, [{ name: 'orders', path: '/o.csv' }]))).toBe(
      'related.file-needed'
    );
    expect(
      codeOf(() =>
        planRelated(shop, [
          { name: 'orders', path: '/o.csv' },
          { name: 'orders', path: '/o2.csv' },
          { name: 'products', path: '/p.csv' },
        ])
      )
    ).toBe('related.file-needed');
    expect(codeOf(() => planRelated(base, [{ name: 'orders', path: '/o.csv' }]))).toBe(
      'related.not-set-up'
    );
    expect(planRelated(base, undefined)).toEqual([]);
  });

  it('prepares a related file with its own columns and none of the main file’s rules', () => {
    const orders = relatedDestination(shop, shop.related![0]!);
    expect(orders.columns.map(c => c.name)).toEqual(['order_id', 'customer_id', 'total']);
    expect(orders.fileName).toBe('orders_{date:YYYYMMDD}.csv');
    expect(orders.duplicateKey).toEqual([]);
    expect(orders.related).toBeUndefined();
    expect(orders.output).toEqual(shop.output);
    expect(() => parseDestination(orders)).not.toThrow();
  });

  it('reads --related NAME=FILE', () => {
    expect(parseRelatedOption(['orders=/tmp/a=b.csv'])).toEqual([
      { name: 'orders', path: '/tmp/a=b.csv' },
    ]);
    expect(codeOf(() => parseRelatedOption(['orders.csv']))).toBe('related.option-invalid');
    expect(codeOf(() => parseRelatedOption(['orders=']))).toBe('related.option-invalid');
  });
});
