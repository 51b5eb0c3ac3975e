// The golf packages of the corpus folder (scripts/corpus.js: SCORM_CORPUS, default ../shared/corpus), for the
// *.corpus.test.ts whole-app tests; fails plainly when the corpus folder is missing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { requireCorpus } from '../../scripts/corpus.js';
import { readPackages, type CoursePackage } from './course-packages.js';

export type GolfPackage = CoursePackage;

export function golfPackages(): GolfPackage[] {
  const root = join(requireCorpus(), 'packages');
  const names = readdirSync(root)
    .filter((name) => name.startsWith('golf-'))
    .sort();
  return readPackages(root, names);
}
