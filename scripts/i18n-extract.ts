// `npm run i18n:extract`: writes src/i18n/catalogs/en.ts from the msg() calls in src/ and lists the ids each
// translated catalog lacks or no longer needs (the type check fails on those too).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import prettier from 'prettier';
import { englishCatalog, extractMessages } from './i18n-messages.js';

const root = join(import.meta.dirname, '..');
const { messages, problems } = extractMessages(join(root, 'src'));
for (const p of problems) console.error(p);
const file = join(root, 'src/i18n/catalogs/en.ts');
const options = (await prettier.resolveConfig(file)) ?? {};
writeFileSync(file, await prettier.format(englishCatalog(messages), { ...options, filepath: file }));
console.log(`${messages.size} messages → src/i18n/catalogs/en.ts`);
for (const locale of ['de', 'fr', 'es']) {
  const { templates } = (await import(`../src/i18n/catalogs/${locale}.ts`)) as {
    templates: Record<string, unknown>;
  };
  const missing = [...messages.keys()].filter((id) => !(id in templates));
  const extra = Object.keys(templates).filter((id) => !messages.has(id));
  if (missing.length) console.log(`${locale}: missing ${missing.join(', ')}`);
  if (extra.length) console.log(`${locale}: not used ${extra.join(', ')}`);
}
process.exit(problems.length ? 1 : 0);
