/**
 * The benchmarks' contacts data, one shape for every benchmark that reads `contacts-1m.csv`
 * (whichever benchmark runs first writes it): quoted commas, line breaks inside cells (notes and
 * addresses), accents, CRLF lines, and the same rows every time (a seeded generator).
 */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';

/** One contact row (`next` is a seeded random source, see `seeded`). */
export function contactsRow(i: number, next: () => number): string[] {
  const pick = <T>(a: readonly T[]) => a[Math.floor(next() * a.length)]!;
  const first = pick(['Zoë', 'Jan', 'Marie', 'Pieter', 'Élodie', 'Jürgen', 'Sofia', 'Luc', 'Anaïs', 'Kees']);
  const last = pick(['De Vos', 'Peeters', 'Dubois', 'Müller', 'Janssens', 'Lefèvre', "O'Brien", 'Van den Berg', 'Nguyễn', 'Smith']);
  const city = pick(['Brussel', 'Liège', 'Gent', 'Antwerpen', 'Köln', 'Paris', 'Lille', 'Namur', 'Utrecht', 'Bruges']);
  const email = `${first}.${last}.${i}@example.be`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
  const note = i % 13 === 0 ? 'Called back, left message\nwill retry' : i % 7 === 0 ? 'Prefers e-mail, not phone' : 'ok';
  const address = i % 3 === 0 ? `Rue de la Loi ${i % 200}, boîte ${i % 9}\n${1000 + (i % 8000)} ${city}` : `Kerkstraat ${i % 300}`;
  return [String(i + 1), first, last, email, pick(['EN', 'fr', 'nl', 'de']), `+32 470 ${String(i % 100).padStart(2, '0')} ${String(i % 89).padStart(2, '0')} 12`, address, city, `Acme, ${city} SA`, note, `2026-11-${String((i % 28) + 1).padStart(2, '0')}`];
}
/** The columns of every contacts file. */
export const header = ['Id', 'Prénom', 'Nom', 'E-mail', 'Langue', 'Téléphone', 'Adresse', 'Ville', 'Société', 'Remarques', 'Créé le'];

/** The same pseudo-random sequence on every run. */
export function seeded(): () => number {
  let state = 42;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Writes `rows` contacts to `path` (through a temporary file, so a cut run leaves none). */
export async function generateCsv(path: string, rows: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const next = seeded();
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  let chunk = `${header.join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${contactsRow(i, next).map(quote).join(',')}\r\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  await rename(tmp, path);
}
