/**
 * The web app's build: React, bundled into web/dist, which the server serves at / beside the API. Nothing is loaded
 * from the internet at run time: fonts are the system's (Noto CJK / Microsoft YaHei), icons and charts are bundled.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        manualChunks: { react: ['react', 'react-dom', 'react-router-dom'], antd: ['antd', '@ant-design/icons'] },
      },
    },
  },
  // `npx vite --config web/vite.config.ts` while `npm start` runs: the screens reload as they are edited.
  // The Host header is kept (changeOrigin false): the server refuses writes whose Origin names another host.
  server: { proxy: { '/api': { target: process.env.EDUPLAN_API ?? 'http://localhost:3000', changeOrigin: false } } },
});
