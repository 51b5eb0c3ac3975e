// `scorm-player validate` run as a command, on corpus folders and on zips made here with fflate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

const root = join(import.meta.dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function zipFolder(folder: string, prefix = ''): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[prefix + relative(folder, path).split(sep).join('/')] = readFileSync(path);
    }
  };
  walk(folder);
  return zipSync(files);
}

const temp = mkdtempSync(join(tmpdir(), 'scorm-validate-'));
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));

test('a golf package folder: the tree with launch URLs, the resources, no warnings', () => {
  const r = cli('validate', join(corpus, 'packages', 'golf-SequencingForcedSequential_SCORM20043rdEdition'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /SCORM 2004-3rd \(schemaversion "2004 3rd Edition"\)/);
  assert.match(
    r.out,
    /organization golf_sample_default_org \(default\): Golf Explained - Sequencing Forced Order/,
  );
  assert.match(
    r.out,
    /- playing_item: Playing the Game -> shared\/launchpage\.html\?content=playing \[sco\]/,
  );
  assert.match(r.out, /- assessment_item: Quiz -> shared\/launchpage\.html\?content=assessment \[sco\]/);
  assert.match(r.out, /resources: 6 \(5 SCO, 1 asset\)/);
  assert.match(r.out, /no warnings\nvalid\n$/);
});

test('a 1.2 folder with clusters prints the nested tree', () => {
  const r = cli('validate', join(corpus, 'packages', 'golf-ContentPackagingOneFilePerSCO_SCORM12'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /SCORM 1\.2/);
  assert.match(r.out, /\n {2}- \w+: .+\n {4}- \w+: .+ -> \w+\/\w+\.html \[asset\]/);
  assert.match(
    r.out,
    /playing_quiz_item: .* -> shared\/assessmenttemplate\.html\?questions=Playing \[asset\]/,
  );
});

test('a folder whose listed files are absent: each is reported, and the missing launch file fails', () => {
  const dir = join(temp, 'missing-files');
  mkdirSync(dir);
  copyFileSync(
    join(corpus, 'manifests', 'emp-synthetic-InvalidFileReferences_SCORM12.xml'),
    join(dir, 'imsmanifest.xml'),
  );
  const r = cli('validate', dir);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /5 warnings:/);
  assert.match(r.out, /invalid: 1 launch file missing/);
  assert.equal((r.out.match(/warning \[file-missing\]/g) ?? []).length, 4);
  assert.match(
    r.out,
    /warning \[launch-file-missing\] resource\[identifier=resource_1\] launches "content\/nonexistent\.html"/,
  );
});

test('a malformed manifest: the error with its line, exit code 1', () => {
  const dir = join(temp, 'malformed');
  mkdirSync(dir);
  copyFileSync(
    join(corpus, 'manifests', 'emp-synthetic-MalformedXml_SCORM12.xml'),
    join(dir, 'imsmanifest.xml'),
  );
  const r = cli('validate', dir);
  assert.equal(r.code, 1);
  assert.match(r.out, /invalid/);
  assert.match(r.err, /error \[malformed-xml\] .*line 27, column 5/);
});

test('a lone manifest file with a broken default organization: the fallback warning', () => {
  const r = cli('validate', join(corpus, 'manifests', 'emp-synthetic-CM-01-broken-default-org.xml'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /warning \[default-organization-missing\] .*NONEXISTENT_ORG.* \(line 20\)/);
  assert.match(r.out, /activity_1: Activity 1 -> resources\/SequencingTest\.htm\?tc=CM-01&act=1 \[sco\]/);
});

test('a zip with the package inside a top folder, made at test time', () => {
  const zip = join(temp, 'golf.zip');
  writeFileSync(zip, zipFolder(join(corpus, 'packages', 'golf-RuntimeBasicCalls_SCORM12'), 'course/'));
  const r = cli('validate', zip);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /SCORM 1\.2/);
  assert.match(r.out, /-> shared\/launchpage\.html \[sco\]/);
  assert.match(r.out, /no warnings/);
});

test('a zip missing a launch file fails (exit 1); one with a dangling identifierref fails', () => {
  const files = {
    'imsmanifest.xml': readFileSync(
      join(corpus, 'manifests', 'emp-synthetic-MultipleItemsWithIdentifierRef_SCORM12.xml'),
    ),
    'content/item1.html': new TextEncoder().encode('<p>1</p>'),
    'content/item2.html': new TextEncoder().encode('<p>2</p>'),
  };
  const partial = join(temp, 'partial.zip');
  writeFileSync(partial, zipSync(files));
  const missing = cli('validate', partial);
  assert.equal(missing.code, 1, missing.err);
  assert.match(missing.out, /warning \[launch-file-missing\] resource\[identifier=resource_3\]/);
  assert.doesNotMatch(missing.out, /resource_1\]/);
  assert.match(missing.out, /invalid: 1 launch file missing/);
  const report = JSON.parse(cli('validate', partial, '--json').out) as {
    valid: boolean;
    errors: { code: string }[];
  };
  assert.equal(report.valid, false);
  assert.deepEqual(
    report.errors.map((e) => e.code),
    ['launch-file-missing'],
  );

  const bad = join(temp, 'bad.zip');
  writeFileSync(
    bad,
    zipSync({
      'imsmanifest.xml': readFileSync(
        join(corpus, 'manifests', 'emp-synthetic-ItemWithNonExistentResourceId_SCORM12.xml'),
      ),
    }),
  );
  const r = cli('validate', bad);
  assert.equal(r.code, 1);
  assert.match(
    r.err,
    /error \[unknown-resource\] item\[identifier=item_1\] has identifierref="non_existent_resource"/,
  );
});

test('a zip that is not a package, and a path that does not exist, fail clearly', () => {
  const empty = join(temp, 'nomanifest.zip');
  writeFileSync(empty, zipSync({ 'readme.txt': new TextEncoder().encode('hi') }));
  const r = cli('validate', empty);
  assert.equal(r.code, 1);
  assert.match(r.err, /^error: .*imsmanifest\.xml/m);
  const missing = cli('validate', join(temp, 'nope'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no such file or folder/);
});

test('usage: --help, no command, unknown command', () => {
  const help = cli('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /scorm-player validate <zip-or-folder>/);
  const none = cli();
  assert.equal(none.code, 2);
  assert.match(none.err, /no command given/);
  const unknown = cli('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"[\s\S]*Usage:/);
  const validateHelp = cli('validate', '--help');
  assert.equal(validateHelp.code, 0);
  assert.match(validateHelp.out, /Usage: scorm-player validate/);
});

test('validate --json: version, tree, warnings and errors as one JSON object', () => {
  const zip = join(temp, 'json.zip');
  writeFileSync(
    zip,
    zipSync({
      'imsmanifest.xml': readFileSync(
        join(corpus, 'manifests', 'emp-synthetic-MultipleItemsWithIdentifierRef_SCORM12.xml'),
      ),
      'content/item1.html': new TextEncoder().encode('<p>1</p>'),
      'content/item2.html': new TextEncoder().encode('<p>2</p>'),
      'content/item3.html': new TextEncoder().encode('<p>3</p>'),
    }),
  );
  const r = cli('validate', zip, '--json');
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out) as {
    valid: boolean;
    version: string;
    tree: { default: boolean; items: { identifier: string; launchUrl?: string; children: unknown[] }[] }[];
    warnings: unknown[];
    errors: unknown[];
  };
  assert.equal(report.valid, true);
  assert.equal(report.version, '1.2');
  assert.equal(report.tree.length, 1);
  assert.equal(report.tree[0]!.default, true);
  assert.ok(report.tree[0]!.items.some((i) => i.launchUrl?.startsWith('content/')));
  assert.deepEqual(report.errors, []);
  assert.ok(Array.isArray(report.warnings));

  const broken = join(temp, 'broken-json.zip');
  writeFileSync(
    broken,
    zipSync({
      'imsmanifest.xml': readFileSync(
        join(corpus, 'manifests', 'emp-synthetic-ItemWithNonExistentResourceId_SCORM12.xml'),
      ),
    }),
  );
  const bad = cli('validate', broken, '--json');
  assert.equal(bad.code, 1);
  const badReport = JSON.parse(bad.out) as { valid: boolean; version: null; errors: { code: string }[] };
  assert.equal(badReport.valid, false);
  assert.equal(badReport.version, null);
  assert.equal(badReport.errors[0]!.code, 'unknown-resource');
});

test('a file that is not a zip says so, in text and in JSON', () => {
  const text = join(temp, 'notes.txt');
  writeFileSync(text, 'just some notes');
  const r = cli('validate', text);
  assert.equal(r.code, 1);
  assert.match(r.err, /not a zip/);
  assert.doesNotMatch(r.err, /\n\s+at /);
  const fake = join(temp, 'fake.zip');
  writeFileSync(fake, '<?xml version="1.0"?><manifest/>');
  const j = cli('validate', fake, '--json');
  assert.equal(j.code, 1);
  const report = JSON.parse(j.out) as { errors: { code: string; message: string }[] };
  assert.equal(report.errors[0]!.code, 'not-a-zip');
  assert.match(report.errors[0]!.message, /not a zip/);
});

test('--version prints the package version; --help lists every command', () => {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const r = cli('--version');
  assert.equal(r.code, 0);
  assert.equal(r.out.trim(), version);
  const help = cli('--help');
  assert.match(help.out, /--version/);
  assert.match(help.out, /validate <zip-or-folder> \[--json\]/);
  assert.match(help.out, /dispatch --scorm/);
});
