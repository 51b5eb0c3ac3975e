// Selection and randomization (sequencing.md §4): SR.1 Select Children and SR.2 Randomize Children.
// When they run (the reference implementation's timing, §4): on every cluster of a fresh tree before the
// first traversal, and for onEachNewAttempt when a cluster's attempt ends unsuspended (UP.4), so the next
// attempt sees the new set. Never on an active or suspended cluster.
import { type Activity, type Seq, renumber } from './tracking.js';

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** SR.1 Select Children Process; `onEachNewAttempt` (undefined by the book) selects again on each attempt. */
function selectChildren(seq: Seq, a: Activity, fresh: boolean): boolean {
  const rc = a.def.randomizationControls;
  if (a.leaf || a.active || a.suspended || rc.selectCount === undefined) return false;
  // ▲ SR.1 5 leaves onEachNewAttempt undefined; we select anew for each attempt, as the name says.
  const due =
    rc.selectionTiming === 'once' ? fresh && !a.attempted : rc.selectionTiming === 'onEachNewAttempt';
  if (!due) return false;
  const count = Math.min(Math.max(rc.selectCount, 0), a.children.length);
  const chosen = new Set(shuffle([...a.children], seq.random).slice(0, count));
  a.available = a.children.filter((c) => chosen.has(c)); // SR.1 4: manifest order kept
  return true;
}

/** SR.2 Randomize Children Process: shuffles the selected set. */
function randomizeChildren(seq: Seq, a: Activity, fresh: boolean): boolean {
  const rc = a.def.randomizationControls;
  if (a.leaf || a.active || a.suspended || !rc.reorderChildren) return false;
  const due =
    rc.randomizationTiming === 'once' ? fresh && !a.attempted : rc.randomizationTiming === 'onEachNewAttempt';
  if (!due) return false;
  shuffle(a.available, seq.random);
  return true;
}

/**
 * Applies SR.1 then SR.2 to `clusters`. `fresh` is true only on a tree no session has used yet (the
 * "once" timings act then, while activityProgressStatus is false). Renumbers preorder when anything moved.
 */
export function selectAndRandomize(seq: Seq, clusters: Activity[], fresh: boolean): void {
  if (seq.dry) return;
  let moved = false;
  for (const a of clusters) {
    const selected = selectChildren(seq, a, fresh);
    const randomized = randomizeChildren(seq, a, fresh);
    moved = selected || randomized || moved;
  }
  if (moved) renumber(seq);
}
