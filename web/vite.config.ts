import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';
import { defineConfig } from 'vitest/config';

// The hashed files under dist/assets, and any text-like file there: the API serves their .br and .gz siblings
// to browsers that accept them. index.html and config.js stay plain: they are small and never cached.
const compressible = /(^|\/)assets\/[^/]+\.(js|mjs|css|svg|json|map|txt|xml|html|wasm|webmanifest|ico|ttf|otf)$/;

// No React plugin: the automatic JSX runtime of the built-in transform is all the SPA needs.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    compression({
      include: compressible,
      threshold: 0,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
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
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
