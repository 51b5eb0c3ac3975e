import { readFileSync } from 'node:fs';
import { gzipSync, strToU8 } from 'fflate';
import { buildShellFiles, buildShellZip, loadShellTemplates } from '../src/dispatch/build-shell.ts';
const t = await loadShellTemplates((p) => readFileSync('shell-templates/' + p, 'utf8'));
const options = { token: 'k7Qw2mZp9xLr4TfB', playerUrl: 'https://courses.example-provider.com/player/', title: 'Workplace safety 2026: hazards, reporting and first aid' };
for (const scorm of ['1.2', '2004'] as const) for (const mode of ['redirect','relay'] as const) {
  const f = buildShellFiles({ ...options, scorm, mode }, t);
  const g = (s: string) => gzipSync(strToU8(s), { level: 9 }).byteLength;
  console.log(scorm, mode, 'zip', buildShellZip({ ...options, scorm, mode }, t).byteLength, 'html gz', g(f['index.html']), 'js gz', g(f['shell.js']), 'sum', g(f['index.html']) + g(f['shell.js']));
}
