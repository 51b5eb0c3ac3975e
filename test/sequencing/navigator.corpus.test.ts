// The navigator on the sequencing manifests of the golf examples, from the corpus folder served under
// /corpus/ in the corpus run (npm run test:corpus; SCORM_CORPUS). The same rules on the project's own
// courses are in navigator.test.ts.
import { expect } from '@open-wc/testing';
import { createNavigator } from '../../src/sequencing/index.js';
import type { NavRequest } from '../../src/sequencing/index.js';
import type {
  LegacyNavigator as Navigator,
  LegacyNavOutcome as NavOutcome,
} from '../../src/sequencing/simple-navigator.js';
import type { Manifest } from '../../src/package/types.js';
import { attempt } from './manifest-builder.js';

const nav = (m: Manifest): Navigator => createNavigator(m, m.defaultOrganization, {});
const start = (n: Navigator): NavOutcome => n.navigate({ type: 'start' });
const C: NavRequest = { type: 'continue' };
const choice = (target: string): NavRequest => ({ type: 'choice', target });

describe('navigator: golf 2004 sequencing manifests (parsed)', () => {
  const load = async (pkg: string) => {
    const { parseManifest } = await import('../../src/package/index.js');
    const response = await fetch(`/corpus/packages/${pkg}/imsmanifest.xml`);
    if (!response.ok) throw new Error(`${pkg} is not in the corpus folder (HTTP ${response.status})`);
    const text = await response.text();
    return parseManifest(text);
  };

  it('ForcedSequential: each SCO is disabled until the previous one is satisfied (read from its global)', async () => {
    const m = await load('golf-SequencingForcedSequential_SCORM20043rdEdition');
    const n = nav(m);
    const ids = n.leaves().map((i) => i.identifier);
    expect(ids.length).to.be.greaterThan(2);
    expect(start(n)).to.deep.equal({ kind: 'deliver', itemId: ids[0] });
    expect(n.canNavigate(choice(ids[1]!))).to.equal(false);
    expect(n.canNavigate(C)).to.equal(false);
    n.report(
      ids[0]!,
      attempt({ completionStatus: 'completed', successStatus: 'passed', entry: 'resume', newAttempt: false }),
    );
    expect(n.canNavigate(choice(ids[1]!))).to.equal(true);
    expect(n.canNavigate(choice(ids[2]!))).to.equal(false);
    expect(n.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: ids[1] });
    // completionSetByContent/objectiveSetByContent: a SCO that reports nothing stays unknown.
    n.report(ids[1]!, attempt());
    expect(n.status(ids[1]!).success).to.equal('unknown');
    expect(n.canNavigate(choice(ids[2]!))).to.equal(false);
  });
});

describe('navigator: golf 4th edition completion through adlseq mapInfo (parsed)', () => {
  it('PostTestRollup4thEd: each content SCO is disabled until the previous one is completed', async () => {
    const { parseManifest } = await import('../../src/package/index.js');
    const text = await (
      await fetch('/corpus/packages/golf-SequencingPostTestRollup4thEd_SCORM20044thEdition/imsmanifest.xml')
    ).text();
    const n = nav(parseManifest(text));
    const ids = n.leaves().map((i) => i.identifier);
    expect(ids.slice(0, 2)).to.deep.equal(['playing_item', 'etuqiette_item']);
    start(n);
    expect(n.currentItemId).to.equal('playing_item');
    expect(n.canNavigate(choice('etuqiette_item'))).to.equal(false);
    n.report('playing_item', attempt({ completionStatus: 'incomplete', entry: 'resume', newAttempt: false }));
    expect(n.canNavigate(choice('etuqiette_item'))).to.equal(false);
    n.report('playing_item', attempt({ completionStatus: 'completed', entry: 'resume', newAttempt: false }));
    expect(n.canNavigate(choice('etuqiette_item'))).to.equal(true);
    expect(n.canNavigate({ type: 'continue' })).to.equal(true);
  });
});
