// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import local from './eslint-rules/no-import-cycle.js';

/**
 * Layering, enforced: core imports nothing of ours (and nothing of Node, Electron or the DOM);
 * main and renderer may import core; the preload may import only the IPC contract from core;
 * `electron` only in src-main/electron/ (the CLI and the workers load the rest of src-main);
 * raw `ipcMain` / `ipcRenderer` / `webContents.send` only in the IPC wrappers; no import cycles.
 * test/lint/layering.test.ts proves each rule fires on a violating file.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'stream', 'stream/*', 'worker_threads', 'net', 'tls', 'http', 'https', 'zlib', 'util', 'events', 'buffer', 'url'];

export const layerRules = {
  core: {
    files: ['src-core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-main/**', '**/src-main', '**/src-renderer/**', '**/src-renderer'], message: 'src-core imports nothing of ours outside src-core (layering).' },
          { group: nodeBuiltins, message: 'src-core is pure: no Node modules (layering).' },
          { group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src-core is pure: no Electron or DOM libraries (layering).' },
        ],
      }],
    },
  },
  main: {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-renderer/**', '**/src-renderer'], message: 'src-main must not import the renderer (layering).' },
          { group: ['electron', 'electron/*'], message: 'Only src-main/electron/ may import electron: the CLI and the workers load the rest of src-main (layering).' },
        ],
      }],
    },
  },
  electron: {
    files: ['src-main/electron/**/*.ts'],
    ignores: ['src-main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-renderer/**', '**/src-renderer'], message: 'src-main must not import the renderer (layering).' },
        ],
      }],
    },
  },
  preload: {
    files: ['src-main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\.\\./\\.\\./src-core/ipc/)\\.\\.?/', message: 'The preload may import only the IPC contract from src-core (layering).' },
          { group: ['**/src-renderer/**'], message: 'The preload must not import the renderer (layering).' },
        ],
      }],
    },
  },
  renderer: {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-main/**', '**/src-main'], message: 'The renderer reaches main only through window.courier (layering).' },
          { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'The renderer is sandboxed: no Electron or Node modules (layering).' },
        ],
      }],
    },
  },
};

const rawIpcSelectors = [
  { selector: "MemberExpression[object.name='ipcMain']", message: 'Use src-main/electron/ipc/electron-ipc.ts (typed, validated IPC), not ipcMain.' },
  { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Use the preload API (window.courier), not ipcRenderer.' },
  { selector: "MemberExpression[property.name='send'][object.property.name='webContents']", message: 'Use sendEvent() from src-main/electron/ipc/electron-ipc.ts, not webContents.send.' },
];
/** The services are built once, by the composition root; everything else takes them as parameters. */
const servicesOnce = { selector: "NewExpression[callee.name='SecretStore']", message: 'The keychain is built once, by createServices (src-main/services/services.ts): take the SecretStore as a parameter.' };
/**
 * No module keeps a service at module level (a cache per settings folder, a lazy singleton): the
 * composition root builds each service once and passes it down, so the app, the CLI and jobs share
 * one and a test builds its own. Caught: a module-level variable typed as a service (also inside a
 * Map's type arguments), or initialised by a service factory, directly or through a wrapper.
 */
const serviceTypes = 'Services|AppJobs|JobService|DestinationService|HistoryStore|JobStore|SecretStore|Upload|Preparer|Logger|JobRunner|JobServer';
const serviceMakers = 'createServices|createAppJobs|createJobService|createDestinationService|createHistoryStore|createJobStore|createWorkerUpload|createWorkerPreparer|createLogger|createJobRunner|createJobServer|createBackgroundSettings';
const moduleVariable = ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator';
const makesService = `:matches(CallExpression[callee.name=/^(${serviceMakers})$/], NewExpression[callee.name='SecretStore'])`;
const noModuleServices = [
  // A function typed as a service (a Preparer) holds nothing: allowed.
  `${moduleVariable}:not([init.type=/FunctionExpression$/]) > Identifier.id TSTypeReference[typeName.name=/^(${serviceTypes})$/]`,
  `${moduleVariable} > NewExpression.init TSTypeReference[typeName.name=/^(${serviceTypes})$/]`,
  `${moduleVariable} > ${makesService}.init`,
  `${moduleVariable} > :matches(CallExpression, NewExpression, AwaitExpression).init ${makesService}`,
].map(selector => ({ selector, message: 'No module-level service or cache of services: take it as a parameter from the composition root (src-main/services/services.ts).' }));
const rawIpc = { 'no-restricted-syntax': ['error', ...rawIpcSelectors, servicesOnce] };
const mainRules = { 'no-restricted-syntax': ['error', ...rawIpcSelectors, servicesOnce, ...noModuleServices] };

/** No import cycles in the shipped code (type-only imports included: they tie modules as much). */
const noCycles = {
  files: ['src-main/**/*.ts', 'src-core/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
  plugins: { local },
  rules: { 'local/no-import-cycle': 'error' },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/.data/**', 'test/lint/fixtures/**', '.courier-tmp*/**', '.courier-tmp*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['scripts/**', 'bench/**', 'test/**'], rules: { 'no-console': 'off' } },
  { files: ['src-main/cli/**'], rules: { 'no-console': 'error' } },
  { files: ['src-renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'src-core/**/*.ts'], ignores: ['src-main/electron/ipc/electron-ipc.ts', 'src-main/electron/preload.ts'], rules: rawIpc },
  { files: ['src-main/**/*.ts'], ignores: ['src-main/electron/ipc/electron-ipc.ts', 'src-main/electron/preload.ts'], rules: mainRules },
  { files: ['src-main/services/services.ts'], rules: { 'no-restricted-syntax': ['error', ...rawIpcSelectors, ...noModuleServices] } },
  layerRules.core,
  layerRules.main,
  layerRules.electron,
  layerRules.preload,
  layerRules.renderer,
  noCycles,
  { files: ['test/**'], rules: { 'no-restricted-properties': ['error', { object: 'it', property: 'only' }, { object: 'describe', property: 'only' }, { object: 'test', property: 'only' }] } }
);
