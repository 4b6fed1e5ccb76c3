import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map(m => `${m.ruleId}: ${m.message}`);
}

describe('layering lint rules', () => {
  it('core may not import main, renderer, Node or Electron', async () => {
    expect(await lint('src-core/x.ts', "import { a } from '../src-main/cli/cli-io';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('src-core imports nothing of ours'),
    ]);
    expect(await lint('src-core/x.ts', "import { readFile } from 'node:fs/promises';\nexport const b = readFile;\n")).toEqual([
      expect.stringContaining('no Node modules'),
    ]);
    expect(await lint('src-core/x.ts', "import { app } from 'electron';\nexport const b = app;\n")).toEqual([
      expect.stringContaining('no Electron'),
    ]);
    expect(await lint('src-core/x.ts', "import { z } from 'zod';\nexport const b = z;\n")).toEqual([]);
  });

  it('main may import core but not the renderer', async () => {
    expect(await lint('src-main/x.ts', "import { App } from '../src-renderer/src/app';\nexport const b = App;\n")).toEqual([
      expect.stringContaining('must not import the renderer'),
    ]);
    expect(await lint('src-main/x.ts', "import { toPlainError } from '../src-core/errors';\nexport const b = toPlainError;\n")).toEqual([]);
  });

  it('the renderer may import core but not main, Electron or Node', async () => {
    expect(await lint('src-renderer/src/x.ts', "import { runCli } from '../../src-main/cli/run-cli';\nexport const b = runCli;\n")).toEqual([
      expect.stringContaining('only through window.courier'),
    ]);
    expect(await lint('src-renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const b = ipcRenderer;\n")).toEqual([
      expect.stringContaining('sandboxed'),
    ]);
    expect(await lint('src-renderer/src/x.ts', "import { toPlainError } from '../../src-core/errors';\nexport const b = toPlainError;\n")).toEqual([]);
  });

  it('only src-main/electron/ may import electron (the CLI and workers load the rest)', async () => {
    const electronImport = "import { app } from 'electron';\nexport const b = app;\n";
    const typeImport = "import type { BrowserWindow } from 'electron';\nexport type B = BrowserWindow;\n";
    for (const file of ['src-main/x.ts', 'src-main/cli/x.ts', 'src-main/workers/x.ts', 'src-main/tray/x.ts']) {
      expect(await lint(file, electronImport)).toEqual([expect.stringContaining('Only src-main/electron/ may import electron')]);
      expect(await lint(file, typeImport)).toEqual([expect.stringContaining('Only src-main/electron/ may import electron')]);
    }
    expect(await lint('src-main/electron/x.ts', electronImport)).toEqual([]);
    expect(await lint('src-main/electron/tray/x.ts', typeImport)).toEqual([]);
    expect(await lint('src-main/electron/x.ts', "import { App } from '../../src-renderer/src/app';\nexport const b = App;\n")).toEqual([
      expect.stringContaining('must not import the renderer'),
    ]);
  });

  it('the preload may import only the IPC contract of core', async () => {
    const preload = 'src-main/electron/preload.ts';
    expect(await lint(preload, "import { toPlainError } from '../../src-core/errors';\nexport const b = toPlainError;\n")).toEqual([
      expect.stringContaining('only the IPC contract'),
    ]);
    expect(await lint(preload, "import { registerIpc } from './ipc/electron-ipc';\nexport const b = registerIpc;\n")).toEqual([
      expect.stringContaining('only the IPC contract'),
    ]);
    expect(await lint(preload, "import { contextBridge } from 'electron';\nimport { buildApi } from '../../src-core/ipc/api';\nexport const b = [buildApi, contextBridge];\n")).toEqual([]);
  });

  it('raw ipcMain, ipcRenderer and webContents.send are refused outside the wrappers', async () => {
    const messages = await lint(
      'src-main/electron/x.ts',
      "import { ipcMain, type BrowserWindow } from 'electron';\nexport const f = (w: BrowserWindow) => { ipcMain.handle('x', () => 1); w.webContents.send('y'); };\n"
    );
    expect(messages).toEqual([
      expect.stringContaining('not ipcMain'),
      expect.stringContaining('not webContents.send'),
    ]);
  });

  it('the keychain is built only by the composition root', async () => {
    const code = "import { SecretStore } from '../secrets/secret-store';\nexport const f = (s = new SecretStore()) => s;\n";
    expect(await lint('src-main/cli/x.ts', code)).toEqual([expect.stringContaining('built once, by createServices')]);
    expect(await lint('src-main/electron/x.ts', code)).toEqual([expect.stringContaining('built once, by createServices')]);
    expect(await lint('src-main/services/services.ts', code)).toEqual([]);
  });

  it('.only is refused in tests', async () => {
    expect(await lint('test/core/x.test.ts', "import { it } from 'vitest';\nit.only('x', () => {});\n")).toEqual([
      expect.stringContaining('no-restricted-properties'),
    ]);
  });
});

describe('import cycles', () => {
  /** Writes `files` into a fresh folder under `parent` and lints them as they are on disk. */
  async function lintFolder(parent: string, files: Record<string, string>): Promise<Record<string, string[]>> {
    const dir = await mkdtemp(join(root, parent, '.cycle-check-'));
    try {
      for (const [name, code] of Object.entries(files)) {
        await mkdir(join(dir, name, '..'), { recursive: true });
        await writeFile(join(dir, name), code);
      }
      const results = await eslint.lintFiles(Object.keys(files).map(name => join(dir, name)));
      return Object.fromEntries(
        results.map(r => [r.filePath.slice(dir.length + 1), r.messages.map(m => `${m.ruleId}: ${m.message}`)])
      );
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    }
  }

  it('fails on two main modules that import each other', async () => {
    const found = await lintFolder('src-main', {
      'a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(found['a.ts']).toEqual([expect.stringMatching(/^local\/no-import-cycle: Import cycle: .*a\.ts → .*b\.ts → .*a\.ts/)]);
    expect(found['b.ts']).toEqual([expect.stringContaining('local/no-import-cycle')]);
  });

  it('fails on a longer cycle through folders, type-only imports included', async () => {
    const found = await lintFolder('src-main', {
      'services/root.ts': "import { handlers } from '../ui/handlers';\nexport type Context = { home: string };\nexport const all = handlers;\n",
      'ui/handlers.ts': "import type { Context } from '../services/root';\nexport const handlers = (c: Context) => c.home;\n",
    });
    expect(found['services/root.ts']).toEqual([expect.stringContaining('Import cycle')]);
    expect(found['ui/handlers.ts']).toEqual([expect.stringContaining('Import cycle')]);
  });

  it('fails on a renderer cycle between .tsx files and accepts a tree', async () => {
    const cycle = await lintFolder('src-renderer/src', {
      'steps.tsx': "import { flow } from './flow';\nexport const Steps = () => flow.length;\n",
      'flow.tsx': "import { Steps } from './steps';\nexport const flow = [Steps];\n",
    });
    expect(cycle['steps.tsx']).toEqual([expect.stringContaining('Import cycle')]);
    const tree = await lintFolder('src-renderer/src', {
      'navigation.ts': 'export const flow = [1, 2];\n',
      'steps.tsx': "import { flow } from './navigation';\nexport const Steps = () => flow.length;\n",
      'flow.tsx': "import { Steps } from './steps';\nimport { flow } from './navigation';\nexport const all = [Steps, flow];\n",
    });
    expect(tree).toEqual({ 'navigation.ts': [], 'steps.tsx': [], 'flow.tsx': [] });
  });
});

describe('core compiles without Node or DOM types', () => {
  const tsc = (project: string) =>
    promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: root }).then(
      () => '',
      (error: { stdout: string }) => error.stdout
    );

  it.each([
    ['a Node import', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", /Cannot find module 'node:fs'/],
    ['Buffer', 'export const x = Buffer.from("a");\n', /Cannot find name 'Buffer'/],
    ['window', 'export const x = window.location;\n', /Cannot find name 'window'/],
    ['process', 'export const x = process.env;\n', /Cannot find name 'process'/],
  ])('rejects %s', async (_name, code, expected) => {
    const dir = await mkdtemp(join(root, 'src-core/.layer-check-'));
    try {
      await writeFile(join(dir, 'violation.ts'), code);
      await writeFile(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ extends: '../tsconfig.json', include: ['./violation.ts'] })
      );
      expect(await tsc(dir)).toMatch(expected);
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});
