import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npm run dev -w client` talks to a running `policygraph serve`.
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
