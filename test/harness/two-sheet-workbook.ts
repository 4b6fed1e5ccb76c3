/**
 * The workbook of the newcomer walk: a short "Read me" sheet first, the contacts on the second
 * sheet (French headers), with one contact twice (same e-mail, other case) on data row 3 and
 * an address without its domain's ending on data row 5 (corrected during the walk).
 */
export async function writeTwoSheetWorkbook(
  path: string,
  options: Readonly<{ contacts: number; streamed?: boolean }>
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const contact = (i: number) =>
    i === 2
      ? ['CONTACT0@example.be', 'fr', 'Anne', 'Twice']
      : [i === 4 ? 'contact4@example' : `contact${i}@example.be`, 'nl', `Name ${i}`, `Family ${i}`];
  const readMe = [['Contacts exported from the CRM'], ['Use the second sheet.']];
  const header = ['E-mail', 'Langue', 'Prénom', 'Nom'];
  if (options.streamed) {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const first = book.addWorksheet('Read me');
    for (const row of readMe) first.addRow(row).commit();
    first.commit();
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(header).commit();
    for (let i = 0; i < options.contacts; i++) sheet.addRow(contact(i)).commit();
    sheet.commit();
    await book.commit();
    return;
  }
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet('Read me');
  for (const row of readMe) first.addRow(row);
  const sheet = book.addWorksheet('Contacts');
  sheet.addRow(header);
  for (let i = 0; i < options.contacts; i++) sheet.addRow(contact(i));
  await book.xlsx.writeFile(path);
}
