import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseSecretSourceOption,
  splitCommandLine,
} from '../../../src-core/destinations/secret-source';
import { commands } from '../../../src-main/cli/commands/index';

// docs/server.md and its examples (systemd units, a Containerfile, a Kubernetes CronJob) are
// copy-paste recipes: the files must be well formed, the documentation must show them exactly,
// and every `courier` command they run must exist with the options they give it.

const root = join(import.meta.dirname, '..', '..', '..');
const examples = join(root, 'docs', 'examples');
const read = (path: string) => readFile(path, 'utf8');

type Unit = Map<string, Array<[string, string]>>;

/** Reads a systemd unit file: comments, blank lines, `[Section]` and `Key=Value` only. */
function parseUnit(text: string): Unit {
  const unit: Unit = new Map();
  let section: string | null = null;
  for (const [index, line] of text.split('\n').entries()) {
    const where = `line ${index + 1}: ${line}`;
    if (line.trim() === '' || /^[#;]/.test(line)) continue;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      expect(unit.has(section), `${where} (section twice)`).toBe(false);
      unit.set(section, []);
      continue;
    }
    const entry = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    expect(entry, `${where} (not Key=Value)`).not.toBeNull();
    expect(section, `${where} (before any section)`).not.toBeNull();
    unit.get(section!)!.push([entry![1]!, entry![2]!]);
  }
  return unit;
}
const values = (unit: Unit, section: string, key: string) =>
  (unit.get(section) ?? []).filter(([k]) => k === key).map(([, v]) => v);

/**
 * A YAML subset check: spaces only, two-space steps, and the dotted paths of its keys
 * (`spec.jobTemplate.spec.template.spec.containers.args`) with their scalar values.
 */
function yamlPaths(text: string): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const stack: Array<{ indent: number; key: string }> = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const where = `line ${index + 1}: ${raw}`;
    expect(raw.includes('\t'), `${where} (a tab)`).toBe(false);
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    let indent = raw.length - raw.trimStart().length;
    expect(indent % 2, `${where} (odd indentation)`).toBe(0);
    let rest = raw.trimStart();
    // A list item opens a level of its own: `- name: x` is the key `name` two spaces further in.
    if (rest.startsWith('- ')) {
      indent += 2;
      rest = rest.slice(2);
    }
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const pair = /^([A-Za-z][\w.-]*):(?:\s+(.*))?$/.exec(rest);
    if (!pair) {
      expect(stack.length, `${where} (a value with no key)`).toBeGreaterThan(0);
      continue;
    }
    const path = [...stack.map(s => s.key), pair[1]!].join('.');
    const value = (pair[2] ?? '').replace(/\s+#.*$/, '');
    paths.set(path, [...(paths.get(path) ?? []), value]);
    stack.push({ indent, key: pair[1]! });
  }
  return paths;
}

/** A YAML flow sequence of quoted strings: `['jobs', 'run', "Nightly upload"]`. */
function flowList(text: string): string[] {
  expect(text).toMatch(/^\[.*\]$/);
  return [...text.slice(1, -1).matchAll(/\s*(["'])(.*?)\1\s*(?:,|$)/g)].map(m => m[2]!);
}

/** The usage text of each `courier` command (loaded as `courier NAME --help` shows it). */
async function usages(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of commands) out.set(entry.name, (await entry.load()).usage);
  return out;
}

/** Checks that `courier WORDS…` names a command, its subcommand and options its usage lists. */
function expectKnownCommand(usage: Map<string, string>, words: readonly string[], seen: string) {
  const [name, sub] = words;
  const text = usage.get(name ?? '');
  expect(text, `unknown command in “${seen}”`).toBeDefined();
  if (name === 'jobs' || name === 'destinations')
    expect(text, `unknown subcommand in “${seen}”`).toContain(`courier ${name} ${sub}`);
  for (const word of words)
    if (word.startsWith('--'))
      expect(text, `unknown option ${word} in “${seen}”`).toContain(word.split('=')[0]);
}

/** Every `courier …` command a shell or batch block of the documentation runs. */
function documentedCommands(markdown: string): string[][] {
  const found: string[][] = [];
  for (const block of markdown.matchAll(/```(sh|bat)\n([\s\S]*?)```/g)) {
    // Continuation lines (`\` in sh, `^` in batch) are one command.
    const lines = block[2]!.replace(/\s*[\\^]\n\s*/g, ' ').split('\n');
    for (const line of lines) {
      const at =
        /(?:\/usr\/bin\/courier|courier\.cmd\\?"|courier:0\.1\.0|^courier|\s\/?courier)\s+([a-z].*)$/.exec(
          line.replace(/\\"/g, '"')
        );
      if (!at) continue;
      // The command ends where the task's quoted /TR ends (batch) or at a shell comment.
      const text = at[1]!.replace(/\s+#.*$/, '');
      const quotes = text.split('"').length - 1;
      const command = quotes % 2 === 1 ? text.replace(/"$/, '') : text;
      try {
        found.push(splitCommandLine(command));
      } catch (error) {
        throw new Error(`${(error as Error).message} in “${command}”`, { cause: error });
      }
    }
  }
  return found;
}

describe('docs/server.md and docs/examples', () => {
  it('the systemd units are well formed, run existing commands, and name valid credentials', async () => {
    const usage = await usages();
    for (const file of ['courier-jobs.service', 'courier-nightly.service']) {
      const unit = parseUnit(await read(join(examples, file)));
      expect(values(unit, 'Unit', 'Description'), file).toHaveLength(1);
      expect(values(unit, 'Service', 'User'), file).toEqual(['courier']);
      expect(values(unit, 'Service', 'Environment'), file).toContain(
        'COURIER_HOME=/var/lib/courier'
      );
      const [exec, ...more] = values(unit, 'Service', 'ExecStart');
      expect(more, file).toEqual([]);
      const [program, ...words] = splitCommandLine(exec!);
      expect(program).toBe('/usr/bin/courier');
      expectKnownCommand(usage, words, exec!);
      for (const line of [
        ...values(unit, 'Service', 'LoadCredentialEncrypted'),
        ...values(unit, 'Service', 'LoadCredential'),
      ]) {
        const name = line.split(':')[0]!;
        // The name a destination gives as `--secret-source systemd:NAME`.
        expect(parseSecretSourceOption(`systemd:${name}`)).toEqual({
          kind: 'systemd-credential',
          name,
        });
      }
    }
    const serve = parseUnit(await read(join(examples, 'courier-jobs.service')));
    expect(values(serve, 'Service', 'ExecStart')).toEqual(['/usr/bin/courier jobs serve']);
    expect(values(serve, 'Service', 'KillSignal')).toEqual(['SIGTERM']);
    expect(values(serve, 'Install', 'WantedBy')).toEqual(['multi-user.target']);
    expect(
      values(parseUnit(await read(join(examples, 'courier-nightly.service'))), 'Service', 'Type')
    ).toEqual(['oneshot']);
    const timer = parseUnit(await read(join(examples, 'courier-nightly.timer')));
    expect(values(timer, 'Timer', 'OnCalendar')).toEqual(['*-*-* 02:00:00']);
    expect(values(timer, 'Install', 'WantedBy')).toEqual(['timers.target']);
  });

  it('the CronJob has the shape Kubernetes wants and mounts what Courier reads', async () => {
    const usage = await usages();
    const paths = yamlPaths(await read(join(examples, 'courier-cronjob.yaml')));
    const one = (path: string) => {
      expect(paths.get(path), path).toHaveLength(1);
      return paths.get(path)![0]!;
    };
    expect(one('apiVersion')).toBe('batch/v1');
    expect(one('kind')).toBe('CronJob');
    expect(one('spec.schedule')).toMatch(/^(["'])(\S+ ){4}\S+\1$/);
    expect(one('spec.concurrencyPolicy')).toBe('Forbid');
    const pod = 'spec.jobTemplate.spec.template.spec';
    expect(one(`${pod}.restartPolicy`)).toBe('Never');
    const container = `${pod}.containers`;
    const args = flowList(one(`${container}.args`));
    expectKnownCommand(usage, args, args.join(' '));
    // Each variable's value, and what is mounted where.
    const names = paths.get(`${container}.env.name`)!;
    const envValues = paths.get(`${container}.env.value`)!;
    const withValue = names.filter(n => n !== 'VENDOR_PASSWORD');
    const env = Object.fromEntries(withValue.map((n, i) => [n, envValues[i]]));
    const mounts = Object.fromEntries(
      paths
        .get(`${container}.volumeMounts.name`)!
        .map((n, i) => [n, paths.get(`${container}.volumeMounts.mountPath`)![i]])
    );
    expect(mounts['courier-home']).toBe(env.COURIER_HOME);
    expect(mounts['courier-secrets']).toBe(env.CREDENTIALS_DIRECTORY);
    expect(paths.get(`${pod}.volumes.name`)).toEqual(Object.keys(mounts));
    expect(paths.get(`${pod}.volumes.persistentVolumeClaim.claimName`)).toEqual([
      'courier-home',
      'contact-exports',
    ]);
    expect(one(`${container}.env.valueFrom.secretKeyRef.name`)).toBe(
      one(`${pod}.volumes.secret.secretName`)
    );
  });

  it('the Containerfile runs the courier bundle the tests drive, with a command that exists', async () => {
    const usage = await usages();
    const text = await read(join(examples, 'Containerfile'));
    const instruction = (name: string) =>
      [...text.matchAll(new RegExp(`^${name} (.*)$`, 'gm'))].map(m => m[1]!);
    expect(instruction('FROM')).toHaveLength(2);
    expect(instruction('ENTRYPOINT')).toEqual(['["node", "/opt/courier/out/main/cli.js"]']);
    const cmd = JSON.parse(instruction('CMD')[0]!) as string[];
    expectKnownCommand(usage, cmd, cmd.join(' '));
    expect(text).toContain('COPY --from=build /src/out/main ./out/main');
    expect(instruction('USER')).toEqual(['10001']);
  });

  it('server.md shows the example files in full and runs only commands that exist', async () => {
    const usage = await usages();
    const markdown = await read(join(root, 'docs', 'server.md'));
    for (const file of [
      'courier-jobs.service',
      'courier-nightly.service',
      'courier-nightly.timer',
      'courier-cronjob.yaml',
    ])
      expect(markdown, file).toContain((await read(join(examples, file))).trimEnd());
    const documented = documentedCommands(markdown);
    // The recipes: set-up, the check, the service, the timer, Task Scheduler, the container.
    expect(documented.length).toBeGreaterThanOrEqual(9);
    for (const words of documented) expectKnownCommand(usage, words, words.join(' '));
    const spelled = documented.map(w => w.slice(0, 2).join(' '));
    for (const needed of ['jobs serve', 'jobs run', 'jobs run-due', 'doctor --connect'])
      expect(spelled).toContain(needed);
    // Every source the examples give is one --secret-source accepts.
    for (const words of documented) {
      const at = words.indexOf('--secret-source');
      if (at >= 0) expect(typeof parseSecretSourceOption(words[at + 1]!)).toBe('object');
    }
  });
});
