// The dispatch shells' scripts are generated from one source (scripts/build-shells.ts) and committed; this
// fails when shell-templates/shell.src.js changed without `npm run shells`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatedShellScripts } from '../../scripts/build-shells.js';

const dir = join(import.meta.dirname, '../../shell-templates');

describe('generated shell scripts', () => {
  for (const [path, text] of Object.entries(generatedShellScripts())) {
    it(`shell-templates/${path} is up to date with shell.src.js`, () => {
      assert.equal(readFileSync(join(dir, path), 'utf8'), text, 'run `npm run shells`');
    });
  }
});
