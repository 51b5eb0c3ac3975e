// The SCORM 1.2 navigator. SCORM 1.2 has no sequencing: the learner chooses any item with something to
// launch, Continue and Previous follow the manifest order (CAM 1.2 2.3.4: the organization is "the
// structure and order"), and an item whose adlcp:prerequisites (AICC script, CAM 1.2 2.3.4.2) are unmet can
// be neither chosen nor flowed into. Statuses come from each SCO's cmi.core.lesson_status. None of the SN
// book's control modes, rules, objectives or jump exist here; the request names are the Navigator
// interface's, mapped onto what a SCORM 1.2 LMS offers. DOM-free.
import type { Item, Manifest, Organization } from '../package/types.js';
import type { AttemptState } from '../runtime/types.js';
import {
  NAV_REQUEST_KINDS,
  type ActivityStatus,
  type ActivityView,
  type DeliveryData,
  type GlobalObjectives,
  type NavigationSnapshot,
  type NavigatorFactory,
  type NavigatorOptions,
  type NavOutcome,
  type NavRequest,
  type NavRequestKind,
  type Navigator,
} from './navigator.js';
import { evaluatePrerequisites, parsePrerequisites, type PrerequisiteExpr } from './prerequisites.js';
import {
  activityStatus,
  applyReport,
  emptyScorm12State,
  lessonStatusOf,
  readScorm12State,
  rollupCluster,
  type Scorm12State,
} from './scorm12-tracking.js';

/** One node of the organization: the organization itself (no item) or an item. */
interface Node {
  id: string;
  title: string;
  item: Item | undefined;
  parent: Node | undefined;
  children: Node[];
  /** A leaf with a launch URL. */
  launchable: boolean;
  /**
   * The launchable items at or below it: flow[flowStart] up to flow[flowEnd - 1] (a subtree's leaves are
   * contiguous in manifest order). None means the node does not count in its parent's status.
   */
  flowStart: number;
  flowEnd: number;
  /** The parsed prerequisites; null when the item has none or they cannot be read. */
  prerequisites: PrerequisiteExpr | null;
  state: Scorm12State;
}

/** The JSON shape of persist(): the one the first (now removed) navigator stored, so older records restore. */
interface Persisted {
  v: 1;
  /** The item on screen when the state was written (still there if the tab was closed). */
  current?: string;
  /** The item a suspendAll left. */
  suspended?: string;
  states: Record<string, Scorm12State>;
}

/** What a request would do, decided before anything changes. */
type Decision =
  | { kind: 'deliver'; node: Node }
  | { kind: 'end'; reason: 'exitAll' | 'suspendAll' | 'abandonAll' | 'completed' | 'nothing-to-deliver' }
  | { kind: 'wait' }
  | { kind: 'invalid'; exception: string; reason: string };

const invalid = (exception: string, reason: string): Decision => ({ kind: 'invalid', exception, reason });

export const createScorm12Navigator: NavigatorFactory = (manifest, organization, options) =>
  new Scorm12Navigator(manifest, organization, options ?? {});

class Scorm12Navigator implements Navigator {
  readonly globalObjectiveScope = 'course' as const;
  private readonly root: Node;
  private readonly byId = new Map<string, Node>();
  /** Every node, the organization first, in manifest order (preorder). */
  private readonly preorder: Node[] = [];
  /** Leaves with something to launch, in manifest order: the flow of the course. */
  private readonly flow: Node[] = [];
  /** The item last delivered (kept after an exit: Continue and Previous go on from it). */
  private current: Node | undefined;
  /** Whether the current item's content is still on screen. */
  private active = false;
  /** The item a suspendAll (or a cut-off session) left, for resumeAll. */
  private suspendedNode: Node | undefined;
  private lastDelivery: DeliveryData | undefined;
  private revision = 0;
  private cached: NavigationSnapshot | undefined;
  private readonly listeners = new Set<(snapshot: NavigationSnapshot) => void>();

  constructor(
    readonly manifest: Manifest,
    readonly organization: Organization,
    options: NavigatorOptions,
  ) {
    this.root = this.build(organization);
    if (options.restore !== undefined) this.restore(options.restore);
  }

  /** The organization as a tree, iteratively (a deeply nested manifest must not exhaust the stack). */
  private build(organization: Organization): Node {
    const root = this.node(organization.identifier, organization.title, undefined, undefined);
    const stack: { parent: Node; items: readonly Item[]; next: number }[] = [
      { parent: root, items: organization.items, next: 0 },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const item = frame.items[frame.next++];
      if (!item) {
        frame.parent.flowEnd = this.flow.length;
        stack.pop();
        continue;
      }
      const node = this.node(item.identifier, item.title, item, frame.parent);
      frame.parent.children.push(node);
      if (node.launchable) this.flow.push(node);
      node.flowEnd = this.flow.length;
      if (item.children.length > 0) stack.push({ parent: node, items: item.children, next: 0 });
    }
    return root;
  }

  private node(id: string, title: string, item: Item | undefined, parent: Node | undefined): Node {
    const node: Node = {
      id,
      title,
      item,
      parent,
      children: [],
      launchable: item !== undefined && item.children.length === 0 && item.launchUrl !== undefined,
      flowStart: this.flow.length,
      flowEnd: this.flow.length,
      prerequisites: readPrerequisites(item?.prerequisites),
      state: emptyScorm12State(),
    };
    this.byId.set(id, node);
    this.preorder.push(node);
    return node;
  }

  // ---------------------------------------------------------------------------------------------
  // Requests
  // ---------------------------------------------------------------------------------------------

  navigate(request: NavRequest): NavOutcome {
    const decision = this.decide(request);
    switch (decision.kind) {
      case 'invalid':
        return decision;
      case 'deliver': {
        const newAttempt = this.deliver(decision.node, request.type === 'resumeAll');
        this.publish();
        return { kind: 'deliver', itemId: decision.node.id, newAttempt };
      }
      case 'wait':
        // The content was taken off screen (exit, abandon); Continue, Previous and the TOC go on from it.
        if (request.type !== 'choice') this.active = false;
        this.publish();
        return decision;
      case 'end':
        this.endSession(decision.reason);
        this.publish();
        return decision;
    }
  }

  /** What a request would do now; changes nothing. */
  private decide(request: NavRequest): Decision {
    const current = this.current;
    const session = this.active && current !== undefined;
    switch (request.type) {
      case 'start': {
        if (session) return invalid('NB.2.1-1', 'The course has already started.');
        // The first item in manifest order that can be launched now.
        const first = this.flow.find((n) => this.reachable(n));
        return first ? { kind: 'deliver', node: first } : { kind: 'end', reason: 'nothing-to-deliver' };
      }
      case 'resumeAll':
        if (session) return invalid('NB.2.1-1', 'The course has already started.');
        if (!this.suspendedNode) return invalid('NB.2.1-3', 'Nothing was suspended.');
        return { kind: 'deliver', node: this.suspendedNode };
      case 'continue':
      case 'previous': {
        if (!current) return invalid('NB.2.1-2', 'No current item.');
        const next = this.flowFrom(current, request.type === 'continue' ? 1 : -1);
        // SCORM 1.2 has no "end of course" request: past either end there is nothing to go to (the SN
        // codes for walking off the tree forward and backward).
        if (!next)
          return invalid(
            request.type === 'continue' ? 'SB.2.1-1' : 'SB.2.1-3',
            `Nothing to ${request.type} to.`,
          );
        return { kind: 'deliver', node: next };
      }
      case 'choice': {
        const target = this.byId.get(request.target);
        if (!target) return invalid('NB.2.1-11', `No item "${request.target}".`);
        // Not an SN exception: SCORM 1.2 refuses an item whose prerequisites are unmet (CAM 1.2 2.3.4.2).
        const unmet = this.unmetPrerequisite(target);
        if (unmet) return invalid('prerequisites', `The prerequisites of "${unmet.title}" are not met.`);
        // The item already on screen stays (choosing it again must not throw away its session).
        if (session && target === current) return { kind: 'wait' };
        if (target.launchable) return { kind: 'deliver', node: target };
        // A cluster: its first item that can be launched now.
        const inside = this.flow.slice(target.flowStart, target.flowEnd).find((n) => this.reachable(n));
        if (!inside) return invalid('SB.2.9-9', `"${target.title}" has nothing to launch.`);
        return { kind: 'deliver', node: inside };
      }
      case 'jump':
        // Jump is a SCORM 2004 4th edition request.
        return invalid('NB.2.1-13', 'SCORM 1.2 has no jump navigation.');
      case 'exit':
      case 'abandon':
        if (!current) return invalid('NB.2.1-2', 'No current item.');
        if (!this.active) return invalid('NB.2.1-12', 'The current item has already ended.');
        // With one SCO there is nothing else to choose: leaving it ends the course.
        if (this.flow.length <= 1) return { kind: 'end', reason: this.endReason() };
        return { kind: 'wait' };
      case 'exitAll':
      case 'abandonAll':
        if (!current) return invalid('NB.2.1-2', 'The course has not started.');
        return { kind: 'end', reason: request.type };
      case 'suspendAll':
        if (!current) return invalid('NB.2.1-2', 'No current item.');
        return { kind: 'end', reason: 'suspendAll' };
    }
  }

  private endReason(): 'completed' | 'nothing-to-deliver' {
    return this.root.state.completion === 'completed' ? 'completed' : 'nothing-to-deliver';
  }

  /** The next launchable item from `from` in manifest order, passing over items with unmet prerequisites. */
  private flowFrom(from: Node, dir: 1 | -1): Node | undefined {
    for (let i = this.flow.indexOf(from) + dir; i >= 0 && i < this.flow.length; i += dir) {
      const n = this.flow[i]!;
      if (this.reachable(n)) return n;
    }
    return undefined;
  }

  /** A launchable item whose own and enclosing items' prerequisites are met. */
  private reachable(node: Node): boolean {
    return node.launchable && this.unmetPrerequisite(node) === undefined;
  }

  /** The item on the path to `node` (itself included) whose prerequisites are unmet, if any. */
  private unmetPrerequisite(node: Node): Node | undefined {
    for (const n of pathTo(node)) {
      if (n.prerequisites && !evaluatePrerequisites(n.prerequisites, (id) => this.lessonStatus(id))) return n;
    }
    return undefined;
  }

  private lessonStatus(id: string) {
    const n = this.byId.get(id);
    return n ? lessonStatusOf(n.state, n.children.length === 0) : undefined;
  }

  /** Launches `node`: a new attempt unless the SCO suspended its last one. Returns whether it is new. */
  private deliver(node: Node, resumeAll: boolean): boolean {
    const previous = this.active && this.current ? pathTo(this.current) : [];
    const newAttempt = !node.state.suspended;
    // The item and the clusters it enters begin an attempt; those still open go on.
    for (const n of pathTo(node)) {
      if (previous.includes(n)) continue;
      if (!n.state.suspended) n.state.attemptCount++;
      n.state.suspended = false;
    }
    if (resumeAll) this.suspendedNode = undefined;
    this.current = node;
    this.active = true;
    this.lastDelivery = { newAttempt, objectives: [] };
    return newAttempt;
  }

  private endSession(reason: Extract<Decision, { kind: 'end' }>['reason']): void {
    if (reason === 'suspendAll' && this.current) {
      this.suspendedNode = this.current;
      for (const n of pathTo(this.current)) n.state.suspended = true;
    } else {
      this.suspendedNode = undefined;
      for (const n of this.preorder) n.state.suspended = false;
    }
    this.current = undefined;
    this.active = false;
  }

  // ---------------------------------------------------------------------------------------------
  // Tracking
  // ---------------------------------------------------------------------------------------------

  deliveryData(itemId: string): DeliveryData {
    if (this.lastDelivery && this.current?.id === itemId) return this.lastDelivery;
    return { newAttempt: !this.byId.get(itemId)?.state.suspended, objectives: [] };
  }

  report(itemId: string, state: AttemptState): void {
    const node = this.byId.get(itemId);
    if (!node?.launchable) return;
    applyReport(node.state, state);
    // A report means the item (and what holds it) was attempted, even when it was launched elsewhere.
    for (let n: Node | undefined = node; n; n = n.parent)
      if (n.state.attemptCount === 0) n.state.attemptCount = 1;
    for (let n = node.parent; n; n = n.parent) this.rollup(n);
    this.publish();
  }

  private rollup(node: Node): void {
    rollupCluster(
      node.state,
      node.children.filter((c) => c.flowEnd > c.flowStart).map((c) => c.state),
    );
  }

  status(itemId: string): ActivityStatus {
    const node = this.byId.get(itemId);
    return activityStatus(itemId, node ? node.state : emptyScorm12State());
  }

  leaves(): Item[] {
    return this.flow.map((n) => n.item!);
  }

  globalObjectives(): GlobalObjectives {
    // SCORM 1.2 has no shared objectives.
    return {};
  }

  // ---------------------------------------------------------------------------------------------
  // Snapshot
  // ---------------------------------------------------------------------------------------------

  snapshot(): NavigationSnapshot {
    if (this.cached) return this.cached;
    const requests = {} as Record<NavRequestKind, boolean>;
    for (const kind of NAV_REQUEST_KINDS) requests[kind] = this.decide({ type: kind }).kind !== 'invalid';
    const activities = new Map<string, ActivityView>();
    for (const n of this.preorder) {
      activities.set(n.id, {
        id: n.id,
        // isvisible="false" hides the item itself; what it holds stays in the menu (CAM 1.2 2.3.4).
        visible: n.item?.isVisible ?? true,
        selectable: this.decide({ type: 'choice', target: n.id }).kind !== 'invalid',
        enabled: true,
        jumpable: false,
        children: n.children.map((c) => c.id),
        status: activityStatus(n.id, n.state),
      });
    }
    this.cached = {
      revision: this.revision,
      rootId: this.root.id,
      currentId: this.active ? this.current?.id : undefined,
      requests,
      activities,
    };
    return this.cached;
  }

  subscribe(listener: (snapshot: NavigationSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(): void {
    this.revision++;
    this.cached = undefined;
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }

  // ---------------------------------------------------------------------------------------------
  // Persistence
  // ---------------------------------------------------------------------------------------------

  persist(): Persisted {
    const states: Record<string, Scorm12State> = {};
    for (const n of this.preorder) {
      const s = n.state;
      if (s.attemptCount > 0 || s.completion !== 'unknown' || s.success !== 'unknown')
        states[n.id] = { ...s };
    }
    const persisted: Persisted = { v: 1, states };
    if (this.current) persisted.current = this.current.id;
    if (this.suspendedNode) persisted.suspended = this.suspendedNode.id;
    return persisted;
  }

  /** Reads a persist() back; anything unreadable is left out (the learner starts over rather than fails). */
  private restore(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return;
    const { states, current, suspended } = raw as Partial<Persisted>;
    if (typeof states === 'object' && states !== null)
      for (const [id, s] of Object.entries(states)) {
        const n = this.byId.get(id);
        if (n) n.state = readScorm12State(s);
      }
    const node = (id: unknown) => (typeof id === 'string' ? this.byId.get(id) : undefined);
    this.suspendedNode = node(suspended);
    // A session is never restored: the next one begins with start or resumeAll. One that was cut off (a
    // closed tab: the state still names a current item) is taken as suspended, so the learner resumes
    // where the last write left them (sequencing.md §5.3).
    const cut = node(current);
    if (cut?.launchable && !this.suspendedNode) {
      this.suspendedNode = cut;
      for (const n of pathTo(cut)) n.state.suspended = true;
    }
    if (this.suspendedNode && !this.suspendedNode.launchable) this.suspendedNode = undefined;
    for (let i = this.preorder.length - 1; i >= 0; i--) {
      const n = this.preorder[i]!;
      if (n.children.length > 0) this.rollup(n);
    }
  }
}

/** The nodes from the organization down to `node`, both included. */
function pathTo(node: Node): Node[] {
  const path: Node[] = [];
  for (let n: Node | undefined = node; n; n = n.parent) path.push(n);
  return path.reverse();
}

function readPrerequisites(text: string | undefined): PrerequisiteExpr | null {
  if (!text) return null;
  try {
    return parsePrerequisites(text) ?? null;
  } catch {
    // An unreadable script must not lock the learner out of the item: it counts as met.
    return null;
  }
}
