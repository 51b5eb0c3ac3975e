// Imports follow shared/docs/architecture.md. The checker runs on the real tree and on a scratch tree with a
// forbidden import, so the test can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkImports } from '../../scripts/check-imports.js';

test('src/ imports go the way architecture.md says', () => {
  assert.deepEqual(checkImports('src'), []);
});

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'arch-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const cases: [string, Record<string, string>, RegExp][] = [
  ['runtime importing lit', { 'runtime/a.ts': "import { html } from 'lit';\n" }, /DOM-free/],
  ['package importing idb', { 'package/a.ts': "import { openDB } from 'idb';\n" }, /DOM-free/],
  ['player importing app', { 'player/a.ts': "import '../app/main.js';\n", 'app/main.ts': '' }, /src\/app/],
  [
    'runtime importing player',
    { 'runtime/a.ts': "import { X } from '../player/x.js';\n", 'player/x.ts': '' },
    /may not import src\/player/,
  ],
  [
    'util importing runtime',
    { 'util/a.ts': "export * from '../runtime/x.js';\n", 'runtime/x.ts': '' },
    /may not import src\/runtime/,
  ],
  [
    'player importing a concrete store',
    { 'player/a.ts': "import { openPlayerDb } from '../storage/db.js';\n", 'storage/db.ts': '' },
    /only types/,
  ],
  [
    'a dynamic import of app',
    { 'dispatch/a.ts': "const m = await import('../app/x.js');\n", 'app/x.ts': '' },
    /src\/app/,
  ],
];

for (const [name, files, message] of cases) {
  test(`a forbidden import fails the check: ${name}`, () => {
    const dir = scratch(files);
    try {
      const problems = checkImports(dir);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('allowed imports pass: player types from storage, sequencing from runtime', () => {
  const dir = scratch({
    'player/a.ts':
      "import type { StoredAttempt } from '../storage/db.js';\nimport { x } from '../sequencing/n.js';\n",
    'storage/db.ts': '',
    'sequencing/n.ts': "import type { AttemptState } from '../runtime/types.js';\n",
    'runtime/types.ts': '',
  });
  try {
    assert.deepEqual(checkImports(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
