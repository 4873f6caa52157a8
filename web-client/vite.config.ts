/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The gateway (backend-for-frontend) holds the session; in development every API path goes to it.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:8080';
const proxied = ['/auth', '/oauth2', '/login', '/logout', '/api'];

export default defineConfig({
  plugins: [preact()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // read by scripts/budget.mjs to find what the first screen loads
    manifest: true,
    // no inline data: URIs for assets, so a strict CSP needs no exceptions
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
