import { defineConfig } from 'vite';

// Relative asset URLs: Zhidian Local serves dist/ at "/", and the hash router never changes the path,
// so the same build also works from a sub-folder or a file server.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', sourcemap: false },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/local', '/admin', '/stores', '/users', '/members', '/me'].map((p) => [p, 'http://localhost:3000']),
    ),
  },
});
