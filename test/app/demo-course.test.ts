// The demo course (public/demo) is a valid SCORM 2004 4th Edition package with the shape the README promises.
import { expect } from '@open-wc/testing';
import { parseManifest } from '../../src/package/index.js';
import type { Item } from '../../src/package/types.js';

const base = new URL('/public/demo/', location.href);

async function manifest() {
  const response = await fetch(new URL('imsmanifest.xml', base));
  expect(response.ok).to.equal(true);
  return parseManifest(await response.text());
}

describe('the demo course', () => {
  it('parses as SCORM 2004 4th Edition with two modules of two SCOs each', async () => {
    const m = await manifest();
    expect(m.version).to.equal('2004-4th');
    expect(m.warnings, JSON.stringify(m.warnings)).to.deep.equal([]);
    const modules = m.defaultOrganization.items;
    expect(modules.map((i) => i.identifier)).to.deep.equal(['module-basics', 'module-check']);
    expect(modules.map((i) => i.children.map((c) => c.identifier))).to.deep.equal([
      ['sco-welcome', 'sco-brewing'],
      ['sco-quiz', 'sco-wrapup'],
    ]);
    for (const leaf of modules.flatMap((i) => i.children)) {
      expect(leaf.resource?.scormType, leaf.identifier).to.equal('sco');
      expect(leaf.launchUrl, leaf.identifier).to.match(/\.html$/);
    }
  });

  it('allows flow and choice on the organization and both modules', async () => {
    const m = await manifest();
    const clusters = [m.defaultOrganization, ...m.defaultOrganization.items];
    for (const c of clusters) {
      expect(c.sequencing?.controlMode.flow, c.identifier).to.equal(true);
      expect(c.sequencing?.controlMode.choice, c.identifier).to.equal(true);
    }
  });

  it('passes the quiz by measure at 0.75, and only the quiz counts toward success and score', async () => {
    const m = await manifest();
    const all: Item[] = m.defaultOrganization.items.flatMap((i) => [i, ...i.children]);
    const quiz = all.find((i) => i.identifier === 'sco-quiz')!;
    expect(quiz.sequencing?.objectives.primary?.satisfiedByMeasure).to.equal(true);
    expect(quiz.sequencing?.objectives.primary?.minNormalizedMeasure).to.equal(0.75);
    for (const id of ['module-basics', 'sco-welcome', 'sco-brewing', 'sco-wrapup']) {
      const item = all.find((i) => i.identifier === id)!;
      expect(item.sequencing?.rollupRules.rollupObjectiveSatisfied, id).to.equal(false);
      expect(item.sequencing?.rollupRules.objectiveMeasureWeight, id).to.equal(0);
    }
  });

  it('holds every file its resources list', async () => {
    const m = await manifest();
    const files = new Set(m.resources.flatMap((r) => r.files));
    expect(files.size).to.be.greaterThan(6);
    for (const file of files) {
      const response = await fetch(new URL(file, base), { method: 'HEAD' });
      expect(response.ok, file).to.equal(true);
    }
  });
});
