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

describe('a destination file edited by hand, refused in plain words', () => {
  const good = { ...destinationFromPreset('hello-customer'), name: 'Acme' };
  const edited = (change: (d: Record<string, unknown>) => void) => {
    const file = JSON.parse(destinationFileText(good)) as { destination: Record<string, unknown> };
    change(file.destination);
    return JSON.stringify(file);
  };
  const refusal = (text: string) => {
    try {
      parseDestinationFile(text, 'acme.json');
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('names the setting as written in the file and says what it must be, not in the schema library’s words', () => {
    const port = refusal(
      edited(d => ((d.transport as Record<string, unknown>).port = '2222'))
    );
    expect(port).toBe('This destination is not valid: “transport.port” must be a number, not text.');
    const quoting = refusal(
      edited(d => ((d.output as Record<string, unknown>).quoting = 'sometimes'))
    );
    expect(quoting).toBe(
      'This destination is not valid: “output.quoting” must be one of “standard”, “always”, “never”.'
    );
    const user = refusal(edited(d => delete d.name));
    expect(user).toBe('This destination is not valid: “name” is missing.');
    const columns = refusal(edited(d => (d.columns = 'Email')));
    expect(columns).toBe('This destination is not valid: “columns” must be a list, not text.');
    for (const said of [port, quoting, user, columns])
      expect(said).not.toMatch(/Invalid input|expected \w+, received|undefined/);
  });

  it('says a missing version as missing, not as “version undefined”', () => {
    const text = JSON.stringify({ format: 'courier-destination', destination: good });
    expect(refusal(text)).toBe(
      '“acme.json” says no version of the destination file format (it needs "version": 1), so it is not imported.'
    );
  });
});
