import { expect } from '@open-wc/testing';
import { createNavigator } from '../../src/sequencing/index.js';
import type { NavRequest } from '../../src/sequencing/index.js';
import type {
  LegacyNavigator as Navigator,
  LegacyNavOutcome as NavOutcome,
} from '../../src/sequencing/simple-navigator.js';
import type { Manifest } from '../../src/package/types.js';
import { attempt, manifest, type ItemSpec } from './manifest-builder.js';

const nav = (m: Manifest, restore?: unknown): Navigator =>
  createNavigator(m, m.defaultOrganization, restore === undefined ? {} : { restore });
const start = (n: Navigator): NavOutcome => n.navigate({ type: 'start' });
const C: NavRequest = { type: 'continue' };
const P: NavRequest = { type: 'previous' };
const choice = (target: string): NavRequest => ({ type: 'choice', target });

// The SCORM 2004 side is tested against the SN engine in test/sequencing/engine/ (rows, scenarios,
// the golf packages and a property test).

describe('navigator: SCORM 1.2', () => {
  const items: ItemSpec[] = [
    { id: 'module1' },
    { id: 'module2', prerequisites: 'module1' },
    { id: 'module3', prerequisites: 'module1 AND module2' },
    { id: 'module4', prerequisites: '(module1 AND module2) OR module3' },
    { id: 'hidden', visible: false },
  ];
  const status12 = (lessonStatus: 'passed' | 'completed' | 'failed' | 'incomplete') =>
    attempt({
      scormVersion: '1.2',
      lessonStatus,
      completionStatus: lessonStatus === 'incomplete' ? 'incomplete' : 'completed',
      successStatus: lessonStatus === 'passed' ? 'passed' : lessonStatus === 'failed' ? 'failed' : 'unknown',
    });

  it('free choice, except items whose prerequisites are unmet', () => {
    const n = nav(manifest('1.2', items));
    expect(start(n)).to.deep.equal({ kind: 'deliver', itemId: 'module1' });
    expect(n.canNavigate(choice('module2'))).to.equal(false);
    expect(n.canNavigate(choice('hidden'))).to.equal(true);
    expect(n.isHidden('hidden')).to.equal(true);
    // Continue skips items whose prerequisites are unmet, all the way to the hidden one.
    expect(n.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: 'hidden' });
    n.navigate(choice('module1'));
    n.report('module1', status12('incomplete'));
    expect(n.canNavigate(choice('module2'))).to.equal(false);
    n.report('module1', status12('passed'));
    expect(n.canNavigate(choice('module2'))).to.equal(true);
    expect(n.canNavigate(choice('module4'))).to.equal(false);
    expect(n.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: 'module2' });
    n.report('module2', status12('completed'));
    expect(n.canNavigate(choice('module3'))).to.equal(true);
    expect(n.canNavigate(choice('module4'))).to.equal(true);
  });

  it('previous and continue follow the tree order; continue on the last item is not offered', () => {
    const n = nav(manifest('1.2', [{ id: 'x', children: [{ id: 'a' }, { id: 'b' }] }, { id: 'c' }]));
    expect(start(n)).to.deep.equal({ kind: 'deliver', itemId: 'a' });
    expect(n.canNavigate(P)).to.equal(false);
    expect(n.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: 'b' });
    expect(n.navigate(C)).to.deep.equal({ kind: 'deliver', itemId: 'c' });
    expect(n.canNavigate(C)).to.equal(false);
    expect(n.navigate(P)).to.deep.equal({ kind: 'deliver', itemId: 'b' });
    expect(n.leaves().map((i) => i.identifier)).to.deep.equal(['a', 'b', 'c']);
  });

  it('1.2 status rolls up to the course', () => {
    const n = nav(manifest('1.2', [{ id: 'a' }, { id: 'b' }]));
    n.report('a', status12('passed'));
    expect(n.status('org').completion).to.equal('incomplete');
    n.report('b', status12('completed'));
    expect(n.status('org').completion).to.equal('completed');
  });
});
