/**
 * Searches folders and captured output for secrets: the proof that a password or key never leaks.
 *
 * Every file under each folder is read as bytes (settings, logs, history, ledger, anything) and
 * searched for each secret as UTF-8, as UTF-16LE, in its JSON-escaped spelling, and, for a
 * private key, line by line (a partly printed key counts). Use it after a flow has run:
 *
 *   expect(await findSecrets({ folders: [home], texts: { stdout, stderr }, secrets: { password } })).toEqual([]);
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One place a secret was found: which secret (by label) and where (a file path or a text name). */
export type SecretHit = Readonly<{ secret: string; where: string; form: string }>;

/** Where to search, and for which secrets. */
export type FindSecretsInput = Readonly<{
  /** Folders searched recursively (every file, whatever its type). */
  folders?: readonly string[];
  /** Captured output by name, e.g. `{ stdout, stderr, log: logText }`. */
  texts?: Readonly<Record<string, string>>;
  /** The secrets by label, e.g. `{ password: 'hunter22', 'private key': keyText }`. */
  secrets: Readonly<Record<string, string | null | undefined>>;
}>;

/** Every file below a folder (symbolic links are not followed). */
export async function listFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  await walk(folder);
  return out.sort();
}

/** The spellings of a secret to look for. */
function needles(secret: string): Array<[form: string, bytes: Buffer]> {
  const forms: Array<[string, string]> = [
    ['as is', secret],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
  ];
  if (secret.trim() !== secret) forms.push(['trimmed', secret.trim()]);
  if (/PRIVATE KEY-----/.test(secret)) {
    secret
      .split(/\r?\n/)
      .filter(line => line.length >= 16 && !line.startsWith('-----'))
      .forEach((line, i) => forms.push([`key line ${i + 1}`, line.trim()]));
  }
  const out: Array<[string, Buffer]> = [];
  for (const [form, text] of forms) {
    out.push([form, Buffer.from(text, 'utf8')]);
    out.push([`${form} (UTF-16)`, Buffer.from(text, 'utf16le')]);
  }
  return out;
}

/** Finds every place any of the secrets occurs; an empty list means none leaked. */
export async function findSecrets(input: FindSecretsInput): Promise<SecretHit[]> {
  const secrets = Object.entries(input.secrets).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0
  );
  const haystacks: Array<[string, Buffer]> = [];
  for (const folder of input.folders ?? []) {
    for (const file of await listFiles(folder)) haystacks.push([file, await readFile(file)]);
  }
  for (const [name, text] of Object.entries(input.texts ?? {}))
    haystacks.push([name, Buffer.from(text, 'utf8')]);
  const hits: SecretHit[] = [];
  for (const [label, secret] of secrets) {
    const forms = needles(secret);
    for (const [where, bytes] of haystacks) {
      const form = forms.find(([, needle]) => bytes.includes(needle));
      if (form) hits.push({ secret: label, where, form: form[0] });
    }
  }
  return hits;
}
