// Parsing a generated 10,000-item SCORM 2004 manifest (clusters of leaves, sequencing on every tenth item,
// a sequencingCollection, objectives, rules and a resource with files per leaf) with parseManifest, against
// fast-xml-parser's bare parse of the same text, both in Chromium, in the same page, alternating runs.
// Budget (issue 4): parseManifest at most 2x the bare parse. The bare parse reads attributes
// (ignoreAttributes: false), the least configuration that reads a manifest at all; parseManifest adds
// the well-formedness check (line numbers), namespace resolution and the whole typed model.
import { bundleSource } from './lib/bundle.js';
import { launchChromium } from './lib/chromium.js';
import { median } from './lib/stats.js';
import type { Bench, BenchFigure } from './lib/types.js';

const RUNS = 9;
const WARMUP = 3;

const pageSource = `
import { XMLParser } from 'fast-xml-parser';
import { parseManifest } from './src/package/index.ts';

export function generate(clusters, leavesPerCluster) {
  const parts = [];
  parts.push('<?xml version="1.0" encoding="UTF-8"?>\\n<manifest identifier="bench.10k" version="1" ' +
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" ' +
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" ' +
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss">' +
    '<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>' +
    '<organizations default="org"><organization identifier="org" adlseq:objectivesGlobalToSystem="false"><title>Bench course</title>');
  let n = 0;
  for (let c = 0; c < clusters; c++) {
    parts.push('<item identifier="c' + c + '"><title>Cluster ' + c + '</title>');
    for (let l = 0; l < leavesPerCluster; l++, n++) {
      parts.push('<item identifier="i' + n + '" identifierref="r' + n + '"' + (n % 7 === 0 ? ' parameters="?page=' + n + '"' : '') +
        '><title>Lesson ' + n + ' &amp; notes</title>');
      if (n % 10 === 0) {
        parts.push('<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>' +
          '<imsss:sequencing IDRef="common"><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions conditionCombination="any">' +
          '<imsss:ruleCondition referencedObjective="prev" operator="not" condition="satisfied"/>' +
          '<imsss:ruleCondition referencedObjective="prev" operator="not" condition="objectiveStatusKnown"/></imsss:ruleConditions>' +
          '<imsss:ruleAction action="disabled"/></imsss:preConditionRule></imsss:sequencingRules>' +
          '<imsss:objectives><imsss:primaryObjective objectiveID="p' + n + '" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>' +
          '<imsss:mapInfo targetObjectiveID="g' + n + '" writeSatisfiedStatus="true"/></imsss:primaryObjective>' +
          '<imsss:objective objectiveID="prev"><imsss:mapInfo targetObjectiveID="g' + (n - 1) + '"/></imsss:objective></imsss:objectives>' +
          '<adlseq:objectives><adlseq:objective objectiveID="p' + n + '"><adlseq:mapInfo targetObjectiveID="g' + n + '" writeCompletionStatus="true"/></adlseq:objective></adlseq:objectives>' +
          '</imsss:sequencing><adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>continue</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>');
      }
      parts.push('</item>');
    }
    parts.push('<imsss:sequencing><imsss:controlMode choice="true" flow="true"/><imsss:rollupRules objectiveMeasureWeight="0.5"/></imsss:sequencing></item>');
  }
  parts.push('<imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing></organization></organizations><resources xml:base="content/">');
  for (let i = 0; i < n; i++) {
    parts.push('<resource identifier="r' + i + '" type="webcontent" adlcp:scormType="sco" href="sco' + i + '/index.html">' +
      '<file href="sco' + i + '/index.html"/><file href="sco' + i + '/script.js"/><dependency identifierref="common_files"/></resource>');
  }
  parts.push('<resource identifier="common_files" type="webcontent" adlcp:scormType="asset"><file href="shared/api.js"/></resource></resources>' +
    '<imsss:sequencingCollection><imsss:sequencing ID="common"><imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>' +
    '<imsss:rollupRules objectiveMeasureWeight="0"/></imsss:sequencing></imsss:sequencingCollection></manifest>');
  return parts.join('\\n');
}

let text = '';
const bare = new XMLParser({ ignoreAttributes: false });

function count(items) {
  let c = 0;
  for (const i of items) c += 1 + count(i.children);
  return c;
}

window.bench = {
  setup(clusters, leaves) {
    text = generate(clusters, leaves);
    const m = parseManifest(text);
    return { chars: text.length, items: count(m.defaultOrganization.items), resources: m.resources.length, warnings: m.warnings.length };
  },
  bare() {
    const t0 = performance.now();
    const out = bare.parse(text);
    const ms = performance.now() - t0;
    if (!out.manifest) throw new Error('bare parse lost the manifest');
    return ms;
  },
  ours() {
    const t0 = performance.now();
    const m = parseManifest(text);
    const ms = performance.now() - t0;
    if (m.resources.length === 0) throw new Error('no resources');
    return ms;
  },
};
`;

const bench: Bench = async () => {
  const code = await bundleSource(pageSource, { format: 'iife', minify: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    // 100 clusters of 99 leaves: 10,000 items.
    const info = await page.evaluate(() =>
      (
        window as unknown as { bench: { setup(c: number, l: number): { items: number; chars: number } } }
      ).bench.setup(100, 99),
    );
    if (info.items !== 10_000) throw new Error(`generated ${info.items} items, not 10,000`);
    type Page = { bench: { bare(): number; ours(): number } };
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Alternate, so that both see the same machine load.
      const b = await page.evaluate(() => (window as unknown as Page).bench.bare());
      const o = await page.evaluate(() => (window as unknown as Page).bench.ours());
      if (i >= WARMUP) {
        bareTimes.push(b);
        ourTimes.push(o);
      }
    }
    const figures: BenchFigure[] = [
      {
        name: `package: parseManifest, 10,000-item SCORM 2004 manifest (${(info.chars / 1e6).toFixed(1)} MB), median of ${RUNS}`,
        value: median(ourTimes),
        unit: 'ms',
        baseline: median(bareTimes),
        baselineName: 'fast-xml-parser bare parse',
        budget: { maxRatio: 2 },
      },
    ];
    return figures;
  } finally {
    await browser.close();
  }
};

export default bench;
