// The service worker against the static server (bench/lib/serve-bench.ts) on a real package: golf
// RuntimeBasicCalls 1.2 of the corpus folder (npm run test:corpus; SCORM_CORPUS): its launch page, its script
// and its largest image, and a generated 4 MB video. Budget (issue 4): median at most 1.5× the server's.
import { join } from 'node:path';
import { requireCorpus } from '../scripts/corpus.js';
import { largestFile, serveFigures } from './lib/serve-bench.js';
import type { Bench } from './lib/types.js';

const bench: Bench = () => {
  const folder = join(requireCorpus(), 'packages', 'golf-RuntimeBasicCalls_SCORM12');
  return serveFigures({
    folder,
    files: ['shared/launchpage.html', 'shared/scormfunctions.js', largestFile(folder, /\.jpe?g$/i)],
  });
};

export default bench;
