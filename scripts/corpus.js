// Where the real-content suite (`npm run test:corpus`, *.corpus.test.ts, *.corpus.bench.ts) finds its corpus:
// the folder named by SCORM_CORPUS, or ../shared/corpus beside the repository (where CI keeps it). Only that
// suite reads it; `npm test` runs on the project's own fixtures (test/fixtures/) and needs nothing beside the
// clone.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..');

/** The corpus folder (absolute): SCORM_CORPUS resolved from the project root, else ../shared/corpus. */
export const corpusRoot = resolve(projectRoot, process.env.SCORM_CORPUS || '../shared/corpus');

/** Whether the corpus folder exists. */
export function corpusPresent() {
  return existsSync(corpusRoot) && statSync(corpusRoot).isDirectory();
}

/** The plain message given when the corpus is missing. */
export function corpusMissingMessage() {
  return (
    `The SCORM corpus folder ${corpusRoot} is missing. The real-content suite (npm run test:corpus) needs ` +
    `it: set SCORM_CORPUS to a folder holding packages/golf-* and manifests/*.xml. npm test needs no corpus.`
  );
}

/** Throws the plain message when the corpus folder is missing. */
export function requireCorpus() {
  if (!corpusPresent()) throw new Error(corpusMissingMessage());
  return corpusRoot;
}

/** Whether this run is the corpus run (scripts/test-corpus.js sets TEST_CORPUS=1). */
export const corpusRun = process.env.TEST_CORPUS === '1';
