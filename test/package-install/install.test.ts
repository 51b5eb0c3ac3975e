// The npm package as a developer gets it: `npm pack`, installed offline from the tarball into an empty
// project, a consumer file of both libraries (and the player element's types) compiled under
// `tsc --strict --module nodenext`, a wrong one refused, the libraries imported by Node, and the CLI run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const temp = mkdtempSync(join(tmpdir(), 'package-install-'));
const project = join(temp, 'consumer');
test.after(() => rmSync(temp, { recursive: true, force: true }));

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
}
const output = (r: SpawnSyncReturns<string>): string => `${r.stdout}\n${r.stderr}`;

// dist/ as the prepack script leaves it (built only when older than the sources).
const built = sh(process.execPath, [join(root, 'scripts', 'ensure-build.js')], root);
assert.equal(built.status, 0, output(built));
const packed = sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', temp], root);
assert.equal(packed.status, 0, output(packed));
const tarball = join(
  temp,
  readdirSync(temp).find((f) => f.endsWith('.tgz'))!,
);

// The package's own dependencies, packed from this checkout's node_modules: with them beside the tarball the
// install needs no registry (npm's cache keeps tarballs, not the metadata a fresh resolution asks for).
const dependencies = join(temp, 'dependencies');
sh('mkdir', ['-p', dependencies], temp);
const closure = sh('npm', ['ls', '--omit=dev', '--all', '--parseable'], root)
  .stdout.split('\n')
  .slice(1)
  .filter((path) => path.includes('node_modules'));
for (const folder of new Set(closure)) {
  const r = sh(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', dependencies, folder],
    root,
  );
  assert.equal(r.status, 0, output(r));
}
const dependencyTarballs = readdirSync(dependencies).map((f) => join(dependencies, f));

test('the tarball holds the libraries, their types and sourcemaps, the CLI and the manifest of elements', () => {
  const list = sh('tar', ['-tzf', tarball], temp);
  const files = list.stdout.split('\n').map((f) => f.replace(/^package\//, ''));
  for (const file of [
    'package.json',
    'LICENSE',
    'README.md',
    'CHANGELOG.md',
    'custom-elements.json',
    'bin/scorm-player.js',
    'dist/cli.js',
    'dist/runtime.js',
    'dist/runtime.js.map',
    'dist/package.js',
    'dist/package.js.map',
    'dist/player.js',
    'dist/player.js.map',
    'dist/types/runtime/index.d.ts',
    'dist/types/package/index.d.ts',
    'dist/types/player/index.d.ts',
  ])
    assert.ok(files.includes(file), `${file} is in the tarball`);
});

test('installs offline from the tarball into an empty project', () => {
  sh('mkdir', ['-p', project], temp);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  const r = sh(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...dependencyTarballs],
    project,
  );
  assert.equal(r.status, 0, output(r));
  assert.doesNotMatch(output(r), /EBADENGINE/);
});

const tsconfig = {
  compilerOptions: {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    noEmit: true,
    types: [],
  },
};

test('a consumer of both libraries and the element compiles under tsc --strict --module nodenext', () => {
  writeFileSync(
    join(project, 'good.ts'),
    `import { Scorm12Api, Scorm2004Api, type AttemptState, type RuntimeOptions } from 'scorm-player/runtime';
import { parseManifest, ManifestError, type Manifest } from 'scorm-player/package';
import type { ScormPlayer, ScormProgressEvent } from 'scorm-player/player';
import packageJson from 'scorm-player/package.json' with { type: 'json' };

const options: RuntimeOptions = {
  learnerId: 'u1',
  learnerName: 'Doe, Jane',
  onCommit: (state: AttemptState) => console.log(state.completionStatus, state.totalSeconds),
};
const api = new Scorm2004Api(options);
const ok: string = api.Initialize('');
api.SetValue('cmi.location', 'p3');
const saved: AttemptState = api.state();
const next = new Scorm12Api({ learnerId: 'u1', resume: saved, masteryScore: 80 });
next.LMSInitialize('');

function title(xml: string): string {
  try {
    const manifest: Manifest = parseManifest(xml);
    return manifest.organizations[0]?.title ?? manifest.version;
  } catch (error) {
    return error instanceof ManifestError ? error.code : 'unknown';
  }
}

function listen(player: ScormPlayer): void {
  player.addEventListener('scorm-progress', (event: ScormProgressEvent) => console.log(event.detail.completion));
}
export { ok, title, listen, packageJson };
`,
  );
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ ...tsconfig, files: ['good.ts'] }));
  const r = sh(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
  assert.equal(r.status, 0, output(r));
});

test('a wrong call does not compile: a missing learnerId, an unknown option', () => {
  writeFileSync(
    join(project, 'wrong.ts'),
    `import { Scorm2004Api } from 'scorm-player/runtime';
export const noLearner = new Scorm2004Api({ learnerName: 'Doe, Jane' });
export const unknownOption = new Scorm2004Api({ learnerId: 'u1', autocommit: true });
`,
  );
  writeFileSync(join(project, 'tsconfig.wrong.json'), JSON.stringify({ ...tsconfig, files: ['wrong.ts'] }));
  const r = sh(process.execPath, [tsc, '-p', 'tsconfig.wrong.json'], project);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /wrong\.ts\(2,\d+\): error TS\d+:.*\n\s+Property 'learnerId' is missing/);
  assert.match(r.stdout, /wrong\.ts\(3,[^)]*\): error TS\d+:.*autocommit/);
});

test('Node imports the installed libraries by their export names', () => {
  const r = sh(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { Scorm2004Api } = await import('scorm-player/runtime');
       const { parseManifest } = await import('scorm-player/package');
       const api = new Scorm2004Api({ learnerId: 'u1' });
       api.Initialize('');
       console.log(api.GetValue('cmi.learner_id'), typeof parseManifest);`,
    ],
    project,
  );
  assert.equal(r.status, 0, output(r));
  assert.equal(r.stdout.trim(), 'u1 function');
});

test('npx scorm-player --version and --help work from the installed package', () => {
  const version = sh('npx', ['--offline', '--no-install', 'scorm-player', '--version'], project);
  assert.equal(version.status, 0, output(version));
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
  const help = sh('npx', ['--offline', '--no-install', 'scorm-player', '--help'], project);
  assert.equal(help.status, 0, output(help));
  assert.match(help.stdout, /scorm-player validate/);
  assert.match(help.stdout, /scorm-player dispatch/);
});
