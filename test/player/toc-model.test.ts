import { expect } from '@open-wc/testing';
import type { ActivityView, NavigationSnapshot, NavRequestKind } from '../../src/sequencing/navigator.js';
import { tocShapeKey, tocStates, tocTree, toolbarValidity } from '../../src/player/toc-model.js';

const status = (itemId: string, completion: ActivityView['status']['completion'] = 'unknown') => ({
  itemId,
  completion,
  success: 'unknown' as const,
  attempted: false,
  attemptCount: 0,
  suspended: false,
});
const view = (id: string, children: string[], over: Partial<ActivityView> = {}): ActivityView => ({
  id,
  visible: true,
  selectable: true,
  enabled: true,
  jumpable: false,
  children,
  status: status(id),
  ...over,
});
const requests = (valid: NavRequestKind[]): Record<NavRequestKind, boolean> => {
  const all: NavRequestKind[] = [
    'start',
    'resumeAll',
    'continue',
    'previous',
    'exit',
    'exitAll',
    'abandon',
    'abandonAll',
    'suspendAll',
  ];
  return Object.fromEntries(all.map((k) => [k, valid.includes(k)])) as Record<NavRequestKind, boolean>;
};
function snapshot(
  views: ActivityView[],
  currentId?: string,
  valid: NavRequestKind[] = [],
): NavigationSnapshot {
  return {
    revision: 1,
    rootId: 'org',
    currentId,
    requests: requests(valid),
    activities: new Map(views.map((v) => [v.id, v])),
  };
}
const titles = new Map([
  ['org', 'Course'],
  ['wrap', 'Wrapper'],
  ['a', 'A'],
  ['b', 'B'],
  ['c', 'C'],
]);

describe('toc-model: the TOC and toolbar read the snapshot alone', () => {
  it('replaces a hidden activity by its visible children and keeps the available order', () => {
    const s = snapshot([
      view('org', ['wrap', 'c']),
      view('wrap', ['b', 'a'], { visible: false }),
      view('a', []),
      view('b', []),
      view('c', []),
    ]);
    const tree = tocTree(s, titles);
    expect(tree.title).to.equal('Course');
    expect(tree.children.map((n) => n.id)).to.deep.equal(['b', 'a', 'c']);
  });

  it('leaves out activities that were not selected', () => {
    const s = snapshot([view('org', ['a', 'b']), view('a', [])]);
    expect(tocTree(s, titles).children.map((n) => n.id)).to.deep.equal(['a']);
  });

  it('disables what cannot be chosen, except the current item, and maps statuses', () => {
    const s = snapshot(
      [
        view('org', ['a', 'b']),
        view('a', [], { selectable: false, status: status('a', 'completed') }),
        view('b', [], { selectable: false }),
      ],
      'b',
      ['continue', 'exitAll'],
    );
    const states = tocStates(s);
    expect(states.get('a')).to.deep.equal({ status: 'completed', disabled: true });
    expect(states.get('b')).to.deep.equal({ status: 'not attempted', disabled: false });
    expect(toolbarValidity(s)).to.deep.equal({
      previous: false,
      continue: true,
      exit: false,
      exitAll: true,
      suspendAll: false,
    });
  });

  it('changes its shape key exactly when the tree would change', () => {
    const a = snapshot([view('org', ['a', 'b']), view('a', []), view('b', [])]);
    const reordered = snapshot([view('org', ['b', 'a']), view('a', []), view('b', [])]);
    const statusOnly = snapshot([
      view('org', ['a', 'b']),
      view('a', [], { selectable: false }),
      view('b', []),
    ]);
    expect(tocShapeKey(a)).to.not.equal(tocShapeKey(reordered));
    expect(tocShapeKey(a)).to.equal(tocShapeKey(statusOnly));
  });
});
