import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';

/**
 * A messy export as a CRM gives it: Windows-1252 (Latin-1) text, semicolons, two lines of
 * preamble before the header, untrimmed values, odd language names, a broken e-mail address, a
 * missing one, an upper-case one.
 */
export const messyExportText = [
  'Export contacts CRM;;;;',
  'Généré le 20/11/2026;;;;',
  'E-mail;Prénom;Nom;Langue;Ville',
  'anne.dupont@example.be;Anne;Dupont;FR;Liège',
  ' Bart.Peeters@Example.BE ;Bart;Peeters;nl;Gent',
  'chloe@example;Chloé;Lefèvre;fr;Namur',
  ';Dirk;Maes;NL;Brugge',
  'eva.janssens@example.com;Eva;Janssens;Nederlands;Antwerpen',
  'françois@example.fr;François;Noël;FR;Mons',
  '',
].join('\r\n');

/** Writes the messy export as Windows-1252 bytes. */
export async function writeMessyExport(path: string): Promise<void> {
  await writeFile(path, iconv.encode(messyExportText, 'win1252'));
}
