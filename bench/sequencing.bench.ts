// The SCORM 2004 SN engine: one navigation request (a continue, with the termination's UP.4 rollup, the flow,
// the delivery and the snapshot of every activity's validity) on a 1,000-activity tree in Chromium, beside the
// SCORM 1.2 navigator walking the same tree (flow by order, no rules: a floor, not a peer); and the engine's code
// minified and gzipped.
// Budgets (issue 9): median ≤ 5 ms per request; ≤ 16 KB gzipped.
import { gzipSync } from 'node:zlib';
import { bundleFile, bundleSource } from './lib/bundle.js';
import { launchChromium } from './lib/chromium.js';
import { median } from './lib/stats.js';
import type { Bench, BenchFigure } from './lib/types.js';

const REQUESTS = 60;
const WARMUP = 10;

const pageSource = `
import { defaultSequencing } from './src/package/sequencing.ts';
import { createScorm2004Navigator } from './src/sequencing/scorm2004-navigator.ts';
import { createScorm12Navigator } from './src/sequencing/scorm12-navigator.ts';

const map = (target, write) => ({
  targetObjectiveID: target, readSatisfiedStatus: true, readNormalizedMeasure: true,
  writeSatisfiedStatus: write, writeNormalizedMeasure: write, readRawScore: true, readMinScore: true,
  readMaxScore: true, readCompletionStatus: true, readProgressMeasure: true, writeRawScore: false,
  writeMinScore: false, writeMaxScore: false, writeCompletionStatus: write, writeProgressMeasure: false,
});

// 10 modules of 10 lessons of 9 SCOs: 1,010 activities under the root. Every SCO writes its primary objective
// to a global that the next SCO reads (forced order with a disabled rule), every tenth SCO has a skip rule,
// modules and lessons flow with choice, and lessons weight their measure.
function build() {
  let n = 0;
  const leaf = () => {
    const i = n++;
    const s = defaultSequencing();
    s.objectives.primary = { objectiveID: 'p' + i, satisfiedByMeasure: false, minNormalizedMeasure: 1, mapInfo: [map('g' + i, true)] };
    if (i > 0) {
      s.objectives.secondary.push({ objectiveID: 'prev', satisfiedByMeasure: false, minNormalizedMeasure: 1, mapInfo: [map('g' + (i - 1), false)] });
      s.sequencingRules.preConditionRules.push({ conditionCombination: 'any', action: 'disabled', conditions: [
        { condition: 'satisfied', operator: 'not', referencedObjective: 'prev', measureThreshold: 0 },
        { condition: 'objectiveStatusKnown', operator: 'not', referencedObjective: 'prev', measureThreshold: 0 }] });
    }
    if (i % 10 === 5) s.sequencingRules.preConditionRules.push({ conditionCombination: 'all', action: 'skip', conditions: [{ condition: 'completed', operator: 'noOp', measureThreshold: 0 }] });
    return { identifier: 's' + i, title: 'SCO ' + i, isVisible: true, children: [], dataMaps: [], hideLmsUi: [],
      launchUrl: 's' + i + '.html', identifierref: 'r', sequencing: s };
  };
  const cluster = (id, children) => {
    const s = defaultSequencing();
    Object.assign(s.controlMode, { flow: true, choice: true });
    s.rollupRules.objectiveMeasureWeight = 0.5;
    return { identifier: id, title: id, isVisible: true, children, dataMaps: [], hideLmsUi: [], sequencing: s };
  };
  const items = [];
  for (let m = 0; m < 10; m++) {
    const lessons = [];
    for (let l = 0; l < 10; l++) lessons.push(cluster('l' + m + '_' + l, Array.from({ length: 9 }, leaf)));
    items.push(cluster('m' + m, lessons));
  }
  const root = defaultSequencing();
  root.controlMode.flow = true;
  const org = { identifier: 'org', title: 'Bench', objectivesGlobalToSystem: false, sharedDataGlobalToSystem: true, items, sequencing: root };
  return { identifier: 'm', version: '2004-4th', title: 'Bench', defaultOrganization: org, organizations: [org], resources: [], subManifests: [], warnings: [] };
}

const report = { scormVersion: '2004', entry: '', newAttempt: true, terminated: true, exit: '', totalTime: 'PT1S',
  totalSeconds: 1, sessionSeconds: 1, completionStatus: 'completed', successStatus: 'passed', scoreScaled: 0.9,
  location: '', suspendData: '', data: {} };

function run(factory, count) {
  const manifest = build();
  const nav = factory(manifest, manifest.defaultOrganization, { random: () => 0.5 });
  let activities = 0;
  const count1 = (items) => items.forEach((i) => { activities++; count1(i.children); });
  count1(manifest.defaultOrganization.items);
  let outcome = nav.navigate({ type: 'start' });
  const times = [];
  for (let i = 0; i < count; i++) {
    if (outcome.kind !== 'deliver') throw new Error('bench course stopped: ' + JSON.stringify(outcome));
    nav.report(outcome.itemId, report);
    const t0 = performance.now();
    outcome = nav.navigate({ type: 'continue' });
    nav.snapshot();
    times.push(performance.now() - t0);
  }
  return { times, activities, snapshotSize: nav.snapshot().activities.size };
}

window.bench = {
  engine: (count) => run(createScorm2004Navigator, count),
  scorm12: (count) => run((m, o, opts) => createScorm12Navigator({ ...m, version: '1.2' }, o, opts), count),
};
`;

const bench: Bench = async () => {
  const code = await bundleSource(pageSource, { format: 'iife', minify: true });
  const engine = await bundleFile('src/sequencing/scorm2004-navigator.ts', { minify: true });
  const gz = gzipSync(engine, { level: 9 }).length;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    type Run = { times: number[]; activities: number; snapshotSize: number };
    type Page = { bench: { engine(n: number): Run; scorm12(n: number): Run } };
    const ours = await page.evaluate((n) => (window as unknown as Page).bench.engine(n), WARMUP + REQUESTS);
    const scorm12 = await page.evaluate(
      (n) => (window as unknown as Page).bench.scorm12(n),
      WARMUP + REQUESTS,
    );
    if (ours.activities !== 1010 || ours.snapshotSize !== 1011)
      throw new Error(`tree of ${ours.activities} activities`);
    const figures: BenchFigure[] = [
      {
        name: `sequencing: continue + rollup + snapshot, ${ours.activities}-activity tree, median of ${REQUESTS} (Chromium)`,
        value: median(ours.times.slice(WARMUP)),
        unit: 'ms',
        baseline: median(scorm12.times.slice(WARMUP)),
        baselineName: 'the SCORM 1.2 navigator on the same tree (no SN rules)',
        budget: { max: 5 },
      },
      {
        name: 'sequencing: SN engine (scorm2004-navigator.ts and engine/), minified + gzipped',
        value: gz / 1024,
        unit: 'KB',
        budget: { max: 16 },
      },
    ];
    return figures;
  } finally {
    await browser.close();
  }
};

export default bench;
