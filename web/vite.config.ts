import { defineConfig } from 'vitest/config';

// No React plugin: the automatic JSX runtime of the built-in transform is all the SPA needs.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022',
    sourcemap: false,
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
