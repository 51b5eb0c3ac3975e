// The fixture sequencing courses (test/fixtures/README.md), parsed from their manifests and driven through the
// navigator alone; golf.corpus.test.ts does the same on the golf packages of the corpus.
import { expect } from '@open-wc/testing';
import { parseManifest } from '../../../src/package/index.js';
import { createScorm2004Navigator } from '../../../src/sequencing/scorm2004-navigator.js';
import type { Navigator } from '../../../src/sequencing/navigator.js';
import type { Manifest } from '../../../src/package/types.js';
import { attempt } from '../manifest-builder.js';

async function load(name: string): Promise<Manifest> {
  return parseManifest(await (await fetch(`/test/fixtures/${name}/imsmanifest.xml`)).text());
}
const nav = (m: Manifest): Navigator => createScorm2004Navigator(m, m.defaultOrganization, {});
const passed = () => attempt({ completionStatus: 'completed', successStatus: 'passed', scoreScaled: 1 });
const selectable = (n: Navigator, id: string) => n.snapshot().activities.get(id)?.selectable ?? false;

describe('fixture sequencing courses, through the SN engine', () => {
  it('seq-forced-sequential: each SCO is disabled until the previous one is satisfied (read from its global)', async () => {
    const n = nav(await load('seq-forced-sequential'));
    const ids = n.leaves().map((i) => i.identifier);
    expect(ids).to.deep.equal(['bowline_item', 'clove_item', 'reef_item', 'quiz_item']);
    expect(n.navigate({ type: 'start' })).to.deep.equal({
      kind: 'deliver',
      itemId: ids[0],
      newAttempt: true,
    });
    expect(selectable(n, ids[1]!)).to.equal(false);
    expect(n.snapshot().activities.get(ids[1]!)!.enabled).to.equal(false);
    n.report(ids[0]!, passed());
    expect(selectable(n, ids[1]!)).to.equal(true);
    expect(selectable(n, ids[2]!)).to.equal(false);
    expect(n.navigate({ type: 'continue' })).to.deep.equal({
      kind: 'deliver',
      itemId: ids[1],
      newAttempt: true,
    });
    // completionSetByContent/objectiveSetByContent: a SCO that reports nothing stays unknown.
    n.report(ids[1]!, attempt());
    expect(n.status(ids[1]!).success).to.equal('unknown');
    expect(selectable(n, ids[2]!)).to.equal(false);
  });

  it('seq-post-test-rollup-4th: each lesson is disabled until the previous one is completed (adlseq completion maps)', async () => {
    const n = nav(await load('seq-post-test-rollup-4th'));
    const ids = n.leaves().map((i) => i.identifier);
    expect(ids.slice(0, 2)).to.deep.equal(['bowline_item', 'clove_item']);
    n.navigate({ type: 'start' });
    expect(n.snapshot().currentId).to.equal('bowline_item');
    expect(selectable(n, 'clove_item')).to.equal(false);
    n.report('bowline_item', attempt({ completionStatus: 'incomplete' }));
    expect(selectable(n, 'clove_item')).to.equal(false);
    n.report('bowline_item', attempt({ completionStatus: 'completed' }));
    expect(selectable(n, 'clove_item')).to.equal(true);
    expect(n.snapshot().requests.continue).to.equal(true);
  });
});
