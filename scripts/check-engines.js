// Checks that the Node version package.json's `engines` names (and the one running this) is accepted by
// every installed dependency's own `engines.node`, as npm would warn with EBADENGINE. Reads the lockfile,
// which records each package's engines (optional packages npm did not install are skipped). Usage: node scripts/check-engines.js — exits 1 and lists offenders.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(import.meta.dirname, '..');
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const declared = project.engines?.node;
if (!declared) {
  console.error('package.json names no engines.node');
  process.exit(1);
}
const lowest = semver.minVersion(declared);
const versions = [...new Set([lowest.version, semver.clean(process.version)])];
const problems = [];
for (const [path, info] of Object.entries(lock.packages ?? {})) {
  const range = info.engines?.node;
  // Optional packages for other platforms or versions are in the lockfile but not installed: npm skips them.
  if (!path || typeof range !== 'string' || !existsSync(join(root, path))) continue;
  for (const version of versions)
    if (!semver.satisfies(version, range, { includePrerelease: true }))
      problems.push(`${path.replace(/^.*node_modules\//, '')}@${info.version} wants node ${range}, not ${version}`);
}
if (problems.length) {
  console.error(`Dependencies that do not accept node ${versions.join(' / ')} (engines: ${declared}):`);
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log(`Every dependency accepts node ${versions.join(' and ')} (package.json engines: ${declared}).`);
