import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** The API the dev server forwards to: a Tongxin server started with `npm run dev` (port 3000). */
const apiTarget = process.env['TONGXIN_API'] ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Read @tongxin/contracts from its TypeScript source: no build of contracts is needed.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    port: 5173,
    // The Host header stays the dev server's, so the API's same-origin check passes for writes.
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ }],
        },
      },
    },
  },
});
