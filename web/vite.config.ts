import { defineConfig } from 'vitest/config';

// No React plugin: the automatic JSX runtime of the built-in transform is all the SPA needs.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: which chunks the entry loads at once (scripts/bundle-size.mjs reads it).
    manifest: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // TanStack Query marks its hooks "use client" for server-rendering frameworks; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` talks to a locally running API (see README).
    proxy: {
      '/api': 'http://127.0.0.1:5080',
      '/health': 'http://127.0.0.1:5080',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
