// Every message of the app and the player is in every catalog: the ids come from the msg() calls in src/
// (read with the TypeScript parser), en.ts is their generated English source, and de/fr/es each translate
// every id, keep each str`` template's placeholders, and hold nothing stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import prettier from 'prettier';
import { englishCatalog, extractMessages } from '../../scripts/i18n-messages.js';
import { templates as en } from '../../src/i18n/catalogs/en.js';
import { templates as de } from '../../src/i18n/catalogs/de.js';
import { templates as fr } from '../../src/i18n/catalogs/fr.js';
import { templates as es } from '../../src/i18n/catalogs/es.js';
import { targetLocales } from '../../src/i18n/locales.js';

type Entry = string | { strings: readonly string[]; values: readonly unknown[] };
const root = join(import.meta.dirname, '..', '..');
const extraction = extractMessages(join(root, 'src'));
const catalogs: Record<string, Record<string, Entry>> = { de, fr, es };

/** The placeholders a catalog entry uses, as a sorted list of source indexes. */
function placeholders(entry: Entry): number[] {
  return typeof entry === 'string' ? [] : entry.values.map(Number).sort((a, b) => a - b);
}

test('every msg() call has a literal text and an explicit id, each id one text', () => {
  assert.deepEqual(extraction.problems, []);
  assert.ok(extraction.messages.size > 20, `only ${extraction.messages.size} messages found`);
});

test('en.ts is the generated English source of the msg() calls (run npm run i18n:extract)', async () => {
  const file = join(root, 'src/i18n/catalogs/en.ts');
  const expected = await prettier.format(englishCatalog(extraction.messages), {
    ...((await prettier.resolveConfig(file)) ?? {}),
    filepath: file,
  });
  assert.equal(readFileSync(file, 'utf8'), expected);
  assert.deepEqual(Object.keys(en).sort(), [...extraction.messages.keys()].sort());
});

for (const locale of targetLocales) {
  test(`the ${locale} catalog has every message id, with the source's placeholders, and no stale ones`, () => {
    const catalog = catalogs[locale]!;
    const missing = [...extraction.messages.keys()].filter((id) => !(id in catalog));
    const stale = Object.keys(catalog).filter((id) => !extraction.messages.has(id));
    assert.deepEqual(missing, [], `${locale} lacks these ids`);
    assert.deepEqual(stale, [], `${locale} has ids no code uses`);
    for (const [id, message] of extraction.messages) {
      const entry = catalog[id]!;
      const want = Array.from({ length: message.placeholders }, (_, i) => i);
      assert.deepEqual(placeholders(entry), want, `${locale} ${id}: placeholders`);
      const text = typeof entry === 'string' ? entry : entry.strings.join('');
      assert.ok(text.trim().length > 0, `${locale} ${id} is empty`);
    }
  });
}

test('the checker catches a message without an id and an id used for two texts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  try {
    mkdirSync(join(dir, 'app'));
    writeFileSync(
      join(dir, 'app/a.ts'),
      [
        "msg('No id');",
        "msg('One', { id: 'x' });",
        "msg('Two', { id: 'x' });",
        "msg(str`Hello ${name}, ${n} left`, { id: 'y' });",
      ].join('\n'),
    );
    const { messages, problems } = extractMessages(dir);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0]!, /explicit \{ id/);
    assert.match(problems[1]!, /'x' already means "One"/);
    assert.deepEqual(messages.get('y'), {
      id: 'y',
      text: 'Hello ${0}, ${1} left',
      placeholders: 2,
      where: messages.get('y')!.where,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
