import { defineConfig } from 'vite';
import { referenceServer } from './server/vite-plugin.js';

// `npm start`: the demo, with the reference server answering /api/* on the same origin.
export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173 },
  plugins: [referenceServer({ demo: true })],
});
