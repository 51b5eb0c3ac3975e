// A file served by the service worker (from IndexedDB) against the same file from the static server, on the
// fixture course runtime-12 (test/fixtures/) with a generated 200 KB image and 4 MB video: bench/lib/serve-bench.ts.
// Budget (issue 4): median at most 1.5× the server's. serve.corpus.bench.ts measures a golf package.
import { join } from 'node:path';
import { serveFigures } from './lib/serve-bench.js';
import type { Bench } from './lib/types.js';

const bench: Bench = () =>
  serveFigures({
    folder: join(import.meta.dirname, '../test/fixtures/runtime-12'),
    files: ['sco.html', 'sco.js'],
    generated: { 'media/photo.jpg': 200 * 1024 },
  });

export default bench;
