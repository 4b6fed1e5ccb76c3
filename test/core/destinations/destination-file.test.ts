import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  destinationFileText,
  destinationSchemaText,
  parseDestinationFile,
} from '../../../src-core/destinations/destination-file';
import { destinationFromPreset } from '../../../src-core/destinations/presets';

describe('the destination file', () => {
  it('docs/destination.schema.json is the schema generated from the zod schema (npm run schema:destination)', () => {
    const committed = readFileSync(
      join(__dirname, '../../../docs/destination.schema.json'),
      'utf8'
    );
    expect(committed).toBe(destinationSchemaText());
    const schema = JSON.parse(committed) as {
      required: string[];
      properties: Record<string, { const?: unknown }>;
    };
    expect(schema.required).toEqual(['format', 'version', 'destination']);
    expect(schema.properties.format?.const).toBe('courier-destination');
    expect(schema.properties.version?.const).toBe(1);
  });

  it('is a versioned envelope that reads back to the same destination', () => {
    const destination = { ...destinationFromPreset('customergauge'), name: 'CG Acme' };
    const text = destinationFileText(destination);
    expect(JSON.parse(text)).toMatchObject({
      format: 'courier-destination',
      version: 1,
      destination: { name: 'CG Acme' },
    });
    expect(parseDestinationFile(text, 'cg.json')).toEqual(destination);
  });

  it('refuses what is not a destination file of version 1, saying why', () => {
    expect(() => parseDestinationFile('{', 'x.json')).toThrow(/not valid JSON/);
    expect(() => parseDestinationFile('{"name":"A"}', 'x.json')).toThrow(
      /not a Courier destination file/
    );
    expect(() =>
      parseDestinationFile('{"format":"courier-destination","version":2}', 'x.json')
    ).toThrow(/version 2/);
    const bad = {
      format: 'courier-destination',
      version: 1,
      destination: { ...destinationFromPreset('generic'), name: 'B', output: { delimiter: ':' } },
    };
    expect(() => parseDestinationFile(JSON.stringify(bad), 'x.json')).toThrow(/output\.delimiter/);
  });
});
