import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { Readable } from 'node:stream';
import { numberRowsAndCells } from '../src-main/reading/sheet-row-numbers';
const files = unzipSync(new Uint8Array(readFileSync('/work/wt/h3-zip/bench/.data/contacts-100k.xlsx')));
const sheet = Buffer.from(files['xl/worksheets/sheet1.xml']!);
console.log('sheet MB', sheet.length / 1e6);
const stripped = Buffer.from(sheet.toString('utf8').replace(/ r="[A-Z]*\d+"/g, ''), 'utf8');
for (const [label, data] of [['with r', sheet], ['without r', stripped]] as const) {
  for (let round = 0; round < 3; round++) {
    const chunks = [];
    for (let i = 0; i < data.length; i += 16384) chunks.push(data.subarray(i, i + 16384));
    const t = performance.now();
    let n = 0;
    for await (const c of Readable.from(chunks).pipe(numberRowsAndCells())) n += (c as Buffer).length;
    console.log(label, 'ms', (performance.now() - t).toFixed(0), 'out', n);
  }
}
