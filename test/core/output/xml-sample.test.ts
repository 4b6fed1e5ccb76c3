import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseDestination,
  type Destination,
  type DestinationInput,
} from '../../../src-core/destinations/destination';
import { learnXmlSample, withXmlSample } from '../../../src-core/output/xml-sample';
import { CourierError } from '../../../src-core/errors';
import { prepare } from '../preparation/helpers';

// Issue 16, CustomerGauge: XML in the structure of the vendor's sample. The sample's case,
// order, namespaces, declaration, indentation and encoding are followed; each row is one record;
// a sample Courier cannot follow is refused in plain words. Golden files in
// test/fixtures/golden-xml/<case>/ (sample.xml given, expected.xml reviewed by hand when written;
// UPDATE_GOLDEN=1 rewrites them).

const GOLDEN = join(import.meta.dirname, '../../fixtures/golden-xml');
const bytes = (text: string) => new TextEncoder().encode(text);

function golden(name: string, actual: Uint8Array) {
  const file = join(GOLDEN, name, 'expected.xml');
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(join(GOLDEN, name), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(Buffer.from(actual).equals(readFileSync(file)), `${name}/expected.xml`).toBe(true);
}

function xmlDestination(sample: string, columns: DestinationInput['columns']): Destination {
  const base = parseDestination({
    version: 1,
    name: 'CustomerGauge XML',
    columns,
    fileName: 'contacts_{counter}.csv',
  });
  const layout = learnXmlSample(
    readFileSync(join(GOLDEN, sample, 'sample.xml')),
    base.columns.map(c => c.name),
    'sample.xml'
  );
  return parseDestination(withXmlSample(base, layout));
}

function refusal(xml: string | Uint8Array): { code: string; message: string } {
  try {
    learnXmlSample(typeof xml === 'string' ? bytes(xml) : xml, []);
  } catch (error) {
    if (error instanceof CourierError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('The sample was accepted.');
}

describe('XML from a sample', () => {
  it('learns root, wrapper, record and fields with exact case, order, namespaces and declaration', () => {
    const d = xmlDestination('customergauge', [
      { name: 'Email', rule: 'email', required: true },
      { name: 'First name' },
      { name: 'Last name' },
    ]);
    const layout = d.output.xml!;
    expect(layout).toMatchObject({
      declaration: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      encoding: 'utf-8',
      root: {
        name: 'CGImport',
        attributes: [
          ['xmlns', 'http://schemas.customergauge.com/import'],
          ['xmlns:cg', 'http://schemas.customergauge.com/fields'],
          ['version', '2'],
        ],
      },
      wrappers: [{ name: 'Contacts', attributes: [] }],
      record: { name: 'Contact', attributes: [] },
      newline: '\r\n',
      indent: '    ',
      selfClosingEmpty: true,
    });
    expect(layout.fields).toEqual([
      { name: 'FirstName', kind: 'element', column: 'First name' },
      { name: 'lastName', kind: 'element', column: 'Last name' },
      { name: 'EmailAddress', kind: 'element', column: 'EmailAddress' },
      { name: 'cg:Segment', kind: 'element', column: 'cg:Segment' },
      { name: 'Reference', kind: 'element', column: 'Reference' },
    ]);
    // Fields without a column of their name got one, named exactly as the field.
    expect(d.columns.map(c => c.name)).toEqual([
      'Email',
      'First name',
      'Last name',
      'EmailAddress',
      'cg:Segment',
      'Reference',
    ]);
  });

  it('writes each row as one record, escaped, in the sample’s layout (golden)', () => {
    const d = xmlDestination('customergauge', [{ name: 'First name' }, { name: 'Last name' }]);
    const header = ['First name', 'Last name', 'EmailAddress', 'cg:Segment', 'Reference'];
    const r = prepare(d, header, [
      ['Zoë', "O'Brien & <Sons>", 'zoe@example.be', 'B2B', '007'],
      ['=1+1', '', 'x@example.be', '"quoted"', ''],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.files.map(f => [f.name, f.rows])).toEqual([['contacts_1.xml', 2]]);
    golden('customergauge', r.files[0]!.bytes);
  });

  it('follows attribute records and a Latin-1 declaration on one line; characters Latin-1 lacks become references (golden)', () => {
    const d = xmlDestination('attributes-latin1', [{ name: 'id', rule: 'reference' }]);
    expect(d.output.xml).toMatchObject({
      encoding: 'iso-8859-1',
      newline: '',
      record: { name: 'contact' },
    });
    const r = prepare(
      d,
      ['id', 'email', 'name'],
      [
        ['1', 'a@example.com', 'Zoë'],
        ['2', 'b@example.com', 'Łukasz "Ł" <x>'],
      ]
    );
    golden('attributes-latin1', r.files[0]!.bytes);
    expect(new TextDecoder('latin1').decode(r.files[0]!.bytes)).toContain(
      'name="&#x141;ukasz &quot;&#x141;&quot; &lt;x&gt;"'
    );
  });

  it('splits by the row limit into several XML files, each complete', () => {
    const d = parseDestination({
      ...xmlDestination('attributes-latin1', [{ name: 'id' }]),
      limits: { maxRows: 1, maxBytes: null },
    });
    const r = prepare(
      d,
      ['id', 'email', 'name'],
      [
        ['1', 'a@x.be', 'A'],
        ['2', 'b@x.be', 'B'],
      ]
    );
    expect(r.files.map(f => f.name)).toEqual(['contacts_1.xml', 'contacts_2.xml']);
    for (const f of r.files)
      expect(new TextDecoder('latin1').decode(f.bytes)).toMatch(
        /^<\?xml version="1\.0" encoding="ISO-8859-1"\?><contacts><contact [^>]*\/><\/contacts>$/
      );
  });

  it('refuses, in plain words, a sample it cannot follow', () => {
    expect(
      refusal('<Root><Contact>Text <b>bold</b></Contact><Contact>x</Contact></Root>')
    ).toMatchObject({ code: 'xml-sample.mixed-content' });
    expect(
      refusal(
        '<Root><Contact><Email>a</Email><Phones><Phone>1</Phone><Phone>2</Phone></Phones></Contact></Root>'
      )
    ).toMatchObject({
      code: 'xml-sample.nested-group',
      message:
        '“Phones” inside “Contact” holds elements of its own. Courier can follow records whose fields hold only text.',
    });
    expect(
      refusal(
        '<Root><Contact><Phone>1</Phone><Phone>2</Phone></Contact><Contact><Phone>3</Phone></Contact></Root>'
      )
    ).toMatchObject({
      code: 'xml-sample.nested-group',
      message:
        '“Phone” repeats inside one “Contact”. Courier can follow records where each field appears once, not repeating groups.',
    });
    expect(
      refusal('<Root><Header/><Contacts><Contact><A>1</A></Contact></Contacts></Root>')
    ).toMatchObject({ code: 'xml-sample.nested-group' });
    expect(refusal('<Root></Root>')).toMatchObject({ code: 'xml-sample.no-records' });
    expect(refusal('<Root><Contact><A>1</A></Contact>')).toMatchObject({
      code: 'xml-sample.unreadable',
    });
    expect(
      refusal('<!DOCTYPE r [<!ENTITY x "boom">]><Root><C><A>&x;</A></C></Root>')
    ).toMatchObject({ code: 'xml-sample.unreadable' });
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toMatchObject({
      code: 'xml-sample.encoding',
      message: expect.stringContaining('UTF-16'),
    });
    expect(
      refusal('<?xml version="1.0" encoding="Shift_JIS"?><R><C><A>1</A></C></R>')
    ).toMatchObject({ code: 'xml-sample.encoding' });
  });

  it('a destination set to XML without a structure is refused', () => {
    expect(() =>
      parseDestination({
        version: 1,
        name: 'X',
        columns: [{ name: 'A' }],
        output: { format: 'xml' },
      })
    ).toThrow(/sample file/);
  });
});
