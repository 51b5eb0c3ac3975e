// The learner's course state in the host's suspend_data (issue 14) on a real course: golf ForcedSequential of
// the corpus folder (npm run test:corpus; SCORM_CORPUS) after half of it (bench/lib/course-state.ts).
// Budgets: ≤ 1,500 characters; encoding plus the host's write ≤ 5 ms median per save.
import { join } from 'node:path';
import { requireCorpus } from '../scripts/corpus.js';
import { courseStateFigures } from './lib/course-state.js';
import type { Bench } from './lib/types.js';

const bench: Bench = async () =>
  courseStateFigures(
    join(requireCorpus(), 'packages', 'golf-SequencingForcedSequential_SCORM20043rdEdition'),
    'golf ForcedSequential',
  );

export default bench;
