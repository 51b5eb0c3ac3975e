// What the TOC and the toolbar show, read from the navigator's snapshot alone (architecture.md
// "Sequencing"): the tree of visible activities in their delivered order, each item's status and whether
// it can be chosen now, and which toolbar requests are valid. Pure functions: no DOM, no navigator calls.
import type { ActivityStatus, NavigationSnapshot } from '../sequencing/navigator.js';
import type { TocItemState, TocNode, TocStatus } from './scorm-toc.js';
import type { ToolbarAction } from './scorm-toolbar.js';

const toolbarActions: ToolbarAction[] = ['previous', 'continue', 'exit', 'exitAll', 'suspendAll'];

/**
 * The visible tree (sequencing.md §6.2). A hidden activity leaves the menu, but whatever of its branch is
 * still visible takes its place (an invisible wrapper's children); not-selected activities are absent;
 * children come in their available (randomised or selected) order.
 */
export function tocTree(snapshot: NavigationSnapshot, titles: ReadonlyMap<string, string>): TocNode {
  const { activities } = snapshot;
  const nodesOf = (ids: readonly string[]): TocNode[] =>
    ids.flatMap((id) => {
      const view = activities.get(id);
      if (!view) return [];
      const children = nodesOf(view.children);
      return view.visible ? [{ id, title: titles.get(id) ?? id, children }] : children;
    });
  const root = activities.get(snapshot.rootId);
  return {
    id: snapshot.rootId,
    title: titles.get(snapshot.rootId) ?? snapshot.rootId,
    children: root ? nodesOf(root.children) : [],
  };
}

/** A key that changes exactly when tocTree() would build a different tree. */
export function tocShapeKey(snapshot: NavigationSnapshot): string {
  const parts: string[] = [];
  for (const view of snapshot.activities.values())
    parts.push(`${view.id}${view.visible ? '' : '!'}:${view.children.join(',')}`);
  return parts.join('\n');
}

export function tocStatus(s: ActivityStatus): TocStatus {
  if (s.success === 'passed' || s.success === 'failed') return s.success;
  return s.completion === 'unknown' ? 'not attempted' : s.completion;
}

/** Each activity's status and whether it can be chosen now; the current item always stays selectable. */
export function tocStates(snapshot: NavigationSnapshot): Map<string, TocItemState> {
  const states = new Map<string, TocItemState>();
  for (const view of snapshot.activities.values())
    states.set(view.id, {
      status: tocStatus(view.status),
      disabled: view.id !== snapshot.currentId && !view.selectable,
    });
  return states;
}

/** Which toolbar buttons are enabled. */
export function toolbarValidity(snapshot: NavigationSnapshot): Partial<Record<ToolbarAction, boolean>> {
  const valid: Partial<Record<ToolbarAction, boolean>> = {};
  for (const action of toolbarActions) valid[action] = snapshot.requests[action];
  return valid;
}
