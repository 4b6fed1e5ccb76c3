import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../../src-main/reading/open-source';
import { writeTwoSheetWorkbook } from '../../harness/two-sheet-workbook';
import { tempHome } from '../../harness/temp-home';

const dir = tempHome('courier-sheets-');

// A "Read me" sheet first and the contacts second: Courier opens the sheet with the data.
describe('choosing the sheet that holds the data', () => {
  for (const streamed of [false, true]) {
    it(`opens the contacts, not the two-row Read me sheet (${streamed ? 'no dimension up front' : 'Excel-like dimension'})`, async () => {
      const path = join(dir.path, 'contacts.xlsx');
      await writeTwoSheetWorkbook(path, { contacts: 5000, streamed });
      const source = await openSource(path);
      try {
        expect(source.format).toMatchObject({
          format: 'xlsx',
          sheet: 'Contacts',
          sheets: ['Read me', 'Contacts'],
          headerRow: 1,
        });
        expect(source.columns).toEqual(['E-mail', 'Langue', 'Prénom', 'Nom']);
        expect(source.preview[0]!.cells[0]).toBe('contact0@example.be');
      } finally {
        await source.dispose?.();
      }
    });
  }

  it('still opens the sheet the person picks', async () => {
    const path = join(dir.path, 'contacts.xlsx');
    await writeTwoSheetWorkbook(path, { contacts: 50 });
    const source = await openSource(path, { sheet: 'Read me' });
    try {
      expect(source.format).toMatchObject({ sheet: 'Read me', sheets: ['Read me', 'Contacts'] });
    } finally {
      await source.dispose?.();
    }
  });
});
