import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map(m => `${m.ruleId}: ${m.message}`);
}

const refused = expect.stringContaining('No module-level service or cache of services');

// The services are built once by the composition root (src-main/services/services.ts) and passed
// down; a module that keeps one for itself (the old `appJobs()` per settings folder) fails lint.
describe('services are built once, by the composition root', () => {
  it('refuses a module-level cache of services per settings folder', async () => {
    const code = [
      "import { createAppJobs, type AppJobs } from '../jobs/app-jobs';",
      'const byHome = new Map<string, AppJobs>();',
      'export function appJobs(home: string): AppJobs {',
      '  let jobs = byHome.get(home);',
      '  if (!jobs) byHome.set(home, (jobs = createAppJobs({ home } as never)));',
      '  return jobs;',
      '}',
      '',
    ].join('\n');
    expect(await lint('src-main/jobs/x.ts', code)).toEqual([refused]);
  });

  it('refuses a module-level service, made at load or lazily', async () => {
    const typed =
      "import type { SecretStore } from '../secrets/secret-store';\nlet store: SecretStore | null = null;\nexport const keychain = (s: SecretStore) => (store ??= s);\n";
    expect(await lint('src-main/cli/x.ts', typed)).toEqual([refused]);
    const made =
      "import { createLogger } from '../logging/logger';\nexport const logger = createLogger({ home: '/tmp' });\n";
    expect(await lint('src-main/pipeline/x.ts', made)).toEqual([refused]);
    const lazy =
      "import { createWorkerUpload } from '../pipeline/worker-upload';\nconst once = <T>(f: () => T) => f;\nconst upload = once(() => createWorkerUpload());\nexport const get = () => upload();\n";
    expect(await lint('src-main/transfers/x.ts', lazy)).toEqual([refused]);
    const keychain =
      "import { SecretStore } from '../secrets/secret-store';\nexport const store = new SecretStore();\n";
    expect(await lint('src-main/electron/x.ts', keychain)).toEqual([
      expect.stringContaining('built once, by createServices'),
      refused,
    ]);
  });

  it('accepts services taken as parameters, factories and stateless functions of a service type', async () => {
    const code = [
      "import type { AppJobs } from '../jobs/app-jobs';",
      "import { createLogger, type Logger } from '../logging/logger';",
      "import type { Preparer } from '../preparation/send-preparation';",
      'export const jobCount = async (jobs: AppJobs) => (await jobs.service.list()).length;',
      'export const makeLogger = (home: string): Logger => createLogger({ home });',
      'export const prepareNothing: Preparer = async () => { throw new Error(); };',
      'export function handlers(jobs: AppJobs) { const byId = new Map<string, AppJobs>([["a", jobs]]); return byId; }',
      '',
    ].join('\n');
    expect(await lint('src-main/jobs/x.ts', code)).toEqual([]);
  });

  it('the shipped code has no `new SecretStore()` outside the composition root', async () => {
    // A default parameter `secrets = new SecretStore()` was how each module made its own keychain.
    const { stdout } = await promisify(execFile)(
      'git',
      ['grep', '-n', '-E', 'new SecretStore\\(', '--', 'src-main', 'src-core'],
      { cwd: root }
    ).catch((error: { code?: number; stdout?: string }) =>
      error.code === 1 ? { stdout: '' } : Promise.reject(error)
    );
    expect(stdout.trim().split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^src-main\/services\/services\.ts:\d+:/),
    ]);
  });
});
