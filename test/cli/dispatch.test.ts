// `scorm-player dispatch` as a user runs it, on the sources (src/cli/main.ts through tsx; bin/scorm-player.js
// would prefer a dist/cli.js that may be older than the sources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parseManifest } from '../../src/package/index.js';

const main = resolve(import.meta.dirname, '../../src/cli/main.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, 'dispatch', ...args], { encoding: 'utf8' });

test('writes a SCORM 2004 relay shell zip that parses and carries the values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-cli-'));
  try {
    const out = join(dir, 'shell.zip');
    const r = run(
      '--scorm',
      '2004',
      '--token',
      'k7Qw2mZp9xLr',
      '--player-url',
      'https://player.example.com/app',
      '--title',
      'Tea & "biscuits"',
      '--mode',
      'relay',
      '-o',
      out,
      '--course',
      'courses/tea/',
      '--allowed-origin',
      'https://lms.example.com/x',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Wrote .*shell\.zip \(\d+ bytes, SCORM 2004, relay mode\)/);
    const entry = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    assert.deepEqual(entry, {
      k7Qw2mZp9xLr: {
        course: 'courses/tea/',
        title: 'Tea & "biscuits"',
        enabled: true,
        allowedOrigins: ['https://lms.example.com'],
      },
    });
    const bytes = readFileSync(out);
    assert.ok(bytes.byteLength <= 4096, `zip is ${bytes.byteLength} bytes`);
    const files = unzipSync(bytes);
    assert.deepEqual(Object.keys(files).sort(), ['imsmanifest.xml', 'index.html', 'shell.js']);
    const m = parseManifest(files['imsmanifest.xml']!);
    assert.equal(m.version, '2004-4th');
    assert.equal(m.title, 'Tea & "biscuits"');
    const script = strFromU8(files['shell.js']!);
    assert.ok(script.includes('"https://player.example.com/app/"'));
    assert.ok(script.includes('"relay"'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('makes a token when none is given, and a 1.2 redirect shell by default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-cli-'));
  try {
    const out = join(dir, 'a.zip');
    const r = run('--scorm', '1.2', '--player-url', 'https://p.example.com/', '--title', 'T', '-o', out);
    assert.equal(r.status, 0, r.stderr);
    const token = /Token: ([A-Za-z0-9]{16})/.exec(r.stdout)?.[1];
    assert.ok(token, r.stdout);
    const script = strFromU8(unzipSync(readFileSync(out))['shell.js']!);
    assert.ok(script.includes(`"${token}"`));
    assert.ok(script.includes('"redirect"') && script.includes('"path"'));
    assert.equal(parseManifest(unzipSync(readFileSync(out))['imsmanifest.xml']!).version, '1.2');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refuses bad arguments with exit code 2, a clear message, and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-cli-'));
  try {
    const out = join(dir, 'bad.zip');
    const base = [
      '--scorm',
      '2004',
      '--token',
      'tok1',
      '--player-url',
      'https://p.example.com/',
      '--title',
      'T',
      '-o',
      out,
    ];
    const cases: [string[], RegExp][] = [
      [base.map((a) => (a === '2004' ? '3' : a)), /SCORM version must be 1\.2 or 2004/],
      [base.map((a) => (a === 'tok1' ? 'a b' : a)), /token must be 4 to 64/],
      [base.map((a) => (a === 'https://p.example.com/' ? 'p.example.com' : a)), /not an absolute URL/],
      [[...base, '--mode', 'iframe'], /Mode must be redirect or relay/],
      [base.filter((a) => a !== '--title' && a !== 'T'), /--title is required/],
      [[...base, '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, message);
      assert.equal(existsSync(out), false);
    }
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--player-url URL/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an output path that cannot be written gets a plain message, not a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-cli-'));
  try {
    const args = [
      '--scorm',
      '1.2',
      '--token',
      'k7Qw2mZp9xLr',
      '--player-url',
      'https://p.example.com/',
      '--title',
      'T',
    ];
    const noFolder = run(...args, '-o', join(dir, 'missing', 'shell.zip'));
    assert.equal(noFolder.status, 1);
    assert.match(noFolder.stderr, /cannot write .*shell\.zip: the folder .*missing does not exist/);
    assert.doesNotMatch(noFolder.stderr, /\n\s+at /);
    const folder = run(...args, '-o', dir);
    assert.equal(folder.status, 1);
    assert.match(folder.stderr, /cannot write .*: it is a folder/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
