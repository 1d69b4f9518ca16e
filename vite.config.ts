import { defineConfig } from 'vite';
import { referenceServer } from './server/vite-plugin.js';

// `npm start`: the demo, with the reference server answering /api/* on the same origin.
// `strictPort`: the README gives http://127.0.0.1:5173; when that port is taken, vite stops with
// an error instead of quietly serving the demo somewhere else.
export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  plugins: [referenceServer({ demo: true })],
});
