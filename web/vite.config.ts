/**
 * Builds the Parley dashboard (web/) into web/dist, which `parley serve` serves at `/`.
 * `npx vite --config web/vite.config.ts` runs it in development against a server on PARLEY_API
 * (default http://127.0.0.1:8080), proxying /api to it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // The folder of this file, whatever the working directory (equivalent to `root: 'web'` from the repo root).
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: the dashboard works wherever it is mounted.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // ECharts is the bulk of the bundle; the map and network views are split into their own chunks.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': process.env.PARLEY_API ?? 'http://127.0.0.1:8080' },
  },
});
