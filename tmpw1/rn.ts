import { Readable } from 'node:stream';
import { numberRowsAndCells } from '../src-main/reading/sheet-row-numbers';
async function run(xml: string, size: number) {
  const chunks = [];
  for (let i = 0; i < xml.length; i += size) chunks.push(Buffer.from(xml.slice(i, i + size), 'latin1'));
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks).pipe(numberRowsAndCells())) out.push(c);
  return Buffer.concat(out).toString('latin1');
}
const xml = '<?xml version="1.0"?><worksheet><cols><col min="1"/></cols><sheetData><!-- <row> <c> --><row><c t="s"><v>0</v></c><c><v>1</v></c></row><row r="5"><c r="B5"><v>2</v></c><c><v>3</v></c></row><row spans="1:2"><c/><c t="inlineStr"><is><t><![CDATA[<c>]]></t></is></c></row></sheetData></worksheet>';
for (const size of [1, 2, 3, 5, 7, 1000]) console.log(size, await run(xml, size));
