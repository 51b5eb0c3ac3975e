// `npm start`: build if needed, serve dist/ on a local port and print where the player and demo course are.
import { spawnSync } from 'node:child_process';
import { buildIsStale } from './build-state.js';
import { serveStatic } from './static-server.js';

if (buildIsStale()) {
  console.log('Building the player (dist/ is missing or older than the sources)...');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const wanted = Number(process.env.PORT ?? 4173);
let server;
try {
  server = await serveStatic({ root: 'dist', port: wanted, host: process.env.HOST ?? '127.0.0.1' });
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  server = await serveStatic({ root: 'dist', port: 0, host: process.env.HOST ?? '127.0.0.1' });
}
console.log(`\n  scorm-player is running at ${server.url}/`);
console.log(`  Demo course:   ${server.url}/?course=demo/imsmanifest.xml\n`);
console.log('  Press Ctrl+C to stop.');
