import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

// Every `src-main/**/<name>.worker.ts` becomes `out/main/<name>.worker.js` (see run-worker.ts).
const workers = Object.fromEntries(
  readdirSync(resolve(root, 'src-main'), { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.worker.ts'))
    .map(file => [basename(file, '.ts'), resolve(root, 'src-main', file)])
);

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/electron/index.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
          ...workers,
        },
        // Flat output, so a worker is always beside the code that starts it.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle its dependencies.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified it is half the size to parse at start.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
    plugins: [react()],
  },
});
