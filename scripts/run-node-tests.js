// Runs node:test files under the given folders (Node 20's --test takes no globs) with TypeScript via tsx,
// printing the spec report and writing the counts to .test-counts/<name>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [name, ...folders] = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (entry.endsWith('.test.ts')) files.push(path);
  }
};
folders.forEach(walk);
mkdirSync('.test-counts', { recursive: true });
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
