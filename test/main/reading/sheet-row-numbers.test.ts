import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  leavesOutReferences,
  numberRowsAndCells,
} from '../../../src-main/reading/sheet-row-numbers';

/** The numbering of rows and cells that leave out `r`, however the part is cut into chunks. */

async function numbered(xml: string, chunkSize: number): Promise<string> {
  const bytes = Buffer.from(xml, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(numberRowsAndCells()))
    out.push(chunk as Buffer);
  return Buffer.concat(out).toString('utf8');
}

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet><cols><col min="1" max="2"/></cols><sheetData>${rows}</sheetData></worksheet>`;

describe('numberRowsAndCells', () => {
  const input = sheet(
    '<!-- <row> <c> --><row><c t="s"><v>0</v></c><c><v>1</v></c></row>' +
      '<row r="5" spans="1:3"><c r="B5"><v>2</v></c><c\n t="n"><v>3</v></c></row>' +
      '<row><c/><c t="inlineStr"><is><t><![CDATA[<c>Zoë</c>]]></t></is></c></row>'
  );
  const expected = sheet(
    '<!-- <row> <c> --><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>' +
      '<row r="5" spans="1:3"><c r="B5"><v>2</v></c><c r="C5"\n t="n"><v>3</v></c></row>' +
      '<row r="6"><c r="A6"/><c r="B6" t="inlineStr"><is><t><![CDATA[<c>Zoë</c>]]></t></is></c></row>'
  );

  it.each([1, 2, 3, 5, 7, 64, 100_000])('in chunks of %i bytes', async size => {
    expect(await numbered(input, size)).toBe(expected);
  });

  it('hands a part that has every reference on unchanged, and says which parts leave some out', async () => {
    expect(await numbered(expected, 3)).toBe(expected);
    expect(await leavesOutReferences(Readable.from([Buffer.from(expected)]))).toBe(false);
    expect(await leavesOutReferences(Readable.from([Buffer.from(input)]))).toBe(true);
  });

  it('numbers columns past Z', async () => {
    const cells = Array.from({ length: 28 }, (_, i) => `<c><v>${i}</v></c>`).join('');
    const out = await numbered(sheet(`<row>${cells}</row>`), 9);
    expect(out).toContain(
      '<c r="Z1"><v>25</v></c><c r="AA1"><v>26</v></c><c r="AB1"><v>27</v></c>'
    );
  });
});
