// The CLI's own package.json (for --version): found by walking up from this module, which is
// src/cli/ in a checkout and dist/ in the installed package.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'scorm-player' && json.version) return json.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
