import { configDefaults } from 'vitest/config';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/** Every path prefix the edge answers as API; the dev server forwards them to it. */
const API_PREFIXES = [
  '/auth',
  '/users',
  '/products',
  '/categories',
  '/attributes',
  '/inventory',
  '/cart',
  '/orders',
  '/payments',
  '/pricing',
  '/sales',
  '/notifications',
  '/healthz',
  '/readyz',
  '/openapi.json',
  '/sitemap.xml',
  '/robots.txt',
  '/docs',
];

const target = process.env.MK_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, { target, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // e2e/ holds the browser tests, run by Playwright (npm run e2e).
    exclude: [...configDefaults.exclude, 'e2e/**'],
  },
});
