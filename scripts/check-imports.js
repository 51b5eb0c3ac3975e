// Checks that imports follow shared/docs/architecture.md ("Which way imports go").
// Usage: node scripts/check-imports.js [srcDir]   — exits 1 and lists every violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

/** Which src/ layers each layer may import (itself always allowed). */
export const allowedLayers = {
  util: [],
  runtime: ['util'],
  package: ['util'],
  sequencing: ['runtime', 'package', 'util'],
  storage: ['runtime', 'package', 'sequencing', 'util'],
  serve: ['storage', 'package', 'util'],
  // The content host (a page on the content origin): the DOM-free runtime and the protocol, nothing of
  // the app's origin (no storage, no player); serve's content-store is the content origin's own database.
  'content-host': ['runtime', 'sequencing', 'serve', 'util'],
  // Localisation: message lookup and Intl formatting, used by the player's and the app's components.
  i18n: [],
  player: ['i18n', 'content-host', 'sequencing', 'runtime', 'package', 'storage', 'util'],
  dispatch: ['package', 'runtime', 'util'],
  app: ['i18n', 'content-host', 'player', 'dispatch', 'serve', 'storage', 'sequencing', 'runtime', 'package', 'util'],
  cli: ['dispatch', 'package', 'runtime', 'util'],
};
/** Layers that must stay DOM-free and so may not import browser-only packages. */
const domFree = ['util', 'runtime', 'package', 'sequencing'];
const browserOnlyPackages = ['lit', 'idb', '@lit/', 'lit-html', 'lit-element'];
/** Only the composition root (app) chooses a concrete store; player sees storage interfaces only. */
const typeOnlyFrom = { player: ['storage'], sequencing: ['storage'] };
// (The player imports the content-host protocol's types and guards, never the host page's code: see
// src/content-host/protocol.ts.)

const importPattern = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function walk(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|js)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function checkImports(srcDir = 'src') {
  const root = resolve(srcDir);
  const problems = [];
  for (const file of walk(root)) {
    const layer = relative(root, file).split(sep)[0];
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const typeOnly = Boolean(match[2]);
      const spec = match[3] ?? match[4];
      const where = `${relative(process.cwd(), file)}: '${spec}'`;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(root + sep)) continue;
        const targetLayer = relative(root, target).split(sep)[0];
        if (targetLayer === layer) continue;
        if (targetLayer === 'app') problems.push(`${where}: nothing may import src/app (the composition root)`);
        else if (!(allowedLayers[layer] ?? []).includes(targetLayer))
          problems.push(`${where}: src/${layer} may not import src/${targetLayer}`);
        else if ((typeOnlyFrom[layer] ?? []).includes(targetLayer) && !typeOnly)
          problems.push(`${where}: src/${layer} may import only types from src/${targetLayer}`);
      } else if (domFree.includes(layer) && browserOnlyPackages.some((p) => spec === p || spec.startsWith(p + '/') || (p.endsWith('/') && spec.startsWith(p)))) {
        problems.push(`${where}: src/${layer} must stay DOM-free and may not import '${spec}'`);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkImports(process.argv[2] ?? 'src');
  for (const p of problems) console.error(p);
  process.exit(problems.length ? 1 : 0);
}
