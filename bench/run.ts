// `npm run bench`: runs every bench/*.bench.ts (or those whose names contain the CLI arguments), prints every
// figure with its alternative and ratio, and fails when a budget is missed. The real-content benchmarks
// (*.corpus.bench.ts, on the corpus folder of scripts/corpus.js) run only with --corpus, and then alone
// (`npm run test:corpus` does that and writes their counts to .test-counts/bench-corpus.json: one test per
// budget, and one failure per bench that threw).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusMissingMessage, corpusPresent } from '../scripts/corpus.js';
import type { Bench, BenchFigure } from './lib/types.js';

const corpus = process.argv.includes('--corpus');
const filters = process.argv.slice(2).filter((a) => a !== '--corpus');
if (corpus && !corpusPresent()) {
  console.error(corpusMissingMessage());
  process.exit(1);
}
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.endsWith('.corpus.bench.ts') === corpus)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

function verdict(f: BenchFigure): { ok: boolean; text: string } {
  const b = f.budget;
  if (!b) return { ok: true, text: '' };
  const ratio = f.baseline ? f.value / f.baseline : undefined;
  const misses: string[] = [];
  const terms: string[] = [];
  if (b.max !== undefined) {
    terms.push(`≤ ${fmt(b.max)} ${f.unit}`);
    if (f.value > b.max) misses.push('max');
  }
  if (b.min !== undefined) {
    terms.push(`≥ ${fmt(b.min)} ${f.unit}`);
    if (f.value < b.min) misses.push('min');
  }
  if (b.maxRatio !== undefined) {
    terms.push(`ratio ≤ ${fmt(b.maxRatio)}`);
    if (ratio === undefined || ratio > b.maxRatio) misses.push('maxRatio');
  }
  if (b.minRatio !== undefined) {
    terms.push(`ratio ≥ ${fmt(b.minRatio)}`);
    if (ratio === undefined || ratio < b.minRatio) misses.push('minRatio');
  }
  return { ok: misses.length === 0, text: `budget ${terms.join(', ')}: ${misses.length ? 'MISSED' : 'ok'}` };
}

let failures = 0;
let met = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench };
  let figures: BenchFigure[];
  try {
    figures = await mod.default();
  } catch (error) {
    console.log(`  ERROR: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    failures++;
    continue;
  }
  for (const f of figures) {
    const ratio = f.baseline
      ? ` | ${f.baselineName ?? 'baseline'}: ${fmt(f.baseline)} ${f.unit} | ratio ${fmt(f.value / f.baseline)}`
      : '';
    const v = verdict(f);
    if (!v.ok) failures++;
    else if (f.budget) met++;
    console.log(`  ${f.name}: ${fmt(f.value)} ${f.unit}${ratio}${v.text ? ` | ${v.text}` : ''}`);
  }
}
if (corpus) {
  mkdirSync('.test-counts', { recursive: true });
  writeFileSync('.test-counts/bench-corpus.json', JSON.stringify({ passed: met, failed: failures }));
}
console.log(failures ? `\n${failures} budget(s) missed` : '\nall budgets met');
process.exit(failures ? 1 : 0);
