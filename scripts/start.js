// `npm start`: build if needed, then serve dist/ as two origins (two-origins.js): the app, and the content
// origin every SCO runs on (architecture.md "Content isolation"). Prints both, and the demo course.
import { spawnSync } from 'node:child_process';
import { buildIsStale } from './build-state.js';
import { serveTwoOrigins } from './two-origins.js';

if (buildIsStale()) {
  console.log('Building the player (dist/ is missing or older than the sources)...');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const wanted = Number(process.env.PORT ?? 4173);
let server;
try {
  server = await serveTwoOrigins({ root: 'dist', port: wanted });
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  server = await serveTwoOrigins({ root: 'dist', port: 0 });
}
console.log(`\n  scorm-player is running at ${server.appUrl}/`);
console.log(`  Content origin:              ${server.contentUrl}/  (course content runs there)`);
console.log(`  Demo course:   ${server.appUrl}/?course=demo/imsmanifest.xml\n`);
console.log('  Press Ctrl+C to stop.');
