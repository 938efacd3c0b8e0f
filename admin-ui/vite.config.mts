import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/index.html at `/` (with the head it fills in) and dist/assets/ under /assets/.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
});
