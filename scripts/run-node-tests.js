// Runs node:test files under the given folders (Node 20's --test takes no globs) with TypeScript via tsx,
// printing the spec report and writing the counts to .test-counts/<name>.json.
// The real-content files (*.corpus.test.ts) run only with TEST_CORPUS=1 (`npm run test:corpus`), and then
// alone; that run stops with a plain message when the corpus folder is missing (scripts/corpus.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusMissingMessage, corpusPresent, corpusRun } from './corpus.js';

const [suite, ...folders] = process.argv.slice(2);
const name = corpusRun ? `${suite}-corpus` : suite;
const files = [];
const walk = (dir) => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (entry.endsWith('.test.ts') && entry.endsWith('.corpus.test.ts') === corpusRun) files.push(path);
  }
};
folders.forEach(walk);
mkdirSync('.test-counts', { recursive: true });
if (corpusRun && !corpusPresent()) {
  console.error(corpusMissingMessage());
  process.exit(1);
}
if (files.length === 0) {
  console.error(`No test files under ${folders.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/count-reporter.js', `--test-reporter-destination=.test-counts/${name}.json`,
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
