// The first Navigator: SCORM 1.2 free choice with prerequisites, and the SCORM 2004 "tier 1" subset of
// the SN book (control modes choice/flow/forwardOnly/choiceExit, simple pre-condition rules, default and
// simple custom rollup, suspendAll/resumeAll). It decides with the same questions as the SN processes
// (each method cites the process it stands for), so a full engine can replace it behind `Navigator`.
import type { Item, Manifest, Organization } from '../package/types.js';
import type { AttemptState, LessonStatus, NavRequestFromContent } from '../runtime/types.js';
import {
  buildActivityTree,
  commonAncestor,
  isWithin,
  pathFromRoot,
  type Activity,
  type ActivityTree,
} from './activity-tree.js';
import { emptyActivityState, type ActivityState } from './activity-state.js';
import type { NavRequest } from './navigator.js';
import type { RuntimeNavigator } from '../runtime/types.js';
import { preConditionFires } from './precondition-rules.js';
import { evaluatePrerequisites, parsePrerequisites, type PrerequisiteExpr } from './prerequisites.js';
import { rollupActivity } from './rollup.js';

export interface NavigatorOptions {
  /** A snapshot() from an earlier session. */
  restore?: unknown;
}

/** The JSON shape of snapshot(). */
export interface NavigatorSnapshot {
  v: 1;
  /** The activity that was current (SN "Current Activity"), if any. */
  current?: string;
  /** SN "Suspended Activity" after suspendAll. */
  suspended?: string;
  states: Record<string, ActivityState>;
}

// The interface the player used before the amended Navigator (navigator.ts); kept only until the player
// moves to the new one.
/** What the sequencer decided: deliver an activity, or end the session, or refuse. */
export type LegacyNavOutcome =
  | { kind: 'deliver'; itemId: string }
  | { kind: 'end'; reason: 'exitAll' | 'suspendAll' | 'abandonAll' | 'completed' | 'nothing-to-deliver' }
  | { kind: 'stay' }
  /**
   * (Added by the first implementation.) The current attempt was ended (exit, abandon) and nothing is
   * delivered, but the session goes on: the learner may choose from the TOC, or Continue/Previous from
   * the exited activity (SB.2.11: exit of a non-root activity does not end the session).
   */
  | { kind: 'idle' }
  | { kind: 'invalid'; reason: string };

/** Per-activity status shown in the TOC and stored with progress. */
export interface LegacyActivityStatus {
  itemId: string;
  completion: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
  success: 'passed' | 'failed' | 'unknown';
  attempted: boolean;
  scoreScaled?: number;
  progressMeasure?: number;
  attemptCount: number;
  suspended: boolean;
}

export interface LegacyNavigator extends RuntimeNavigator {
  readonly manifest: Manifest;
  readonly organization: Organization;
  /** The item being delivered, if any. */
  readonly currentItemId: string | undefined;
  /** Processes a request (SN OP.1) and says what to do next. */
  navigate(request: NavRequest): LegacyNavOutcome;
  /** Whether a request is valid now (toolbar enabling; the TOC's aria-disabled). */
  canNavigate(request: NavRequest): boolean;
  /** Whether an item is left out of the menu: isvisible=false (the item alone), hiddenFromChoice (its branch). */
  isHidden(itemId: string): boolean;
  /** Records what the SCO reported (on every Commit/Terminate) and rolls it up (RB.1). */
  report(itemId: string, state: AttemptState): void;
  /** The rolled-up status of any activity, the organization included (its identifier). */
  status(itemId: string): LegacyActivityStatus;
  /** Serializable sequencing state for storage; restore with the `restore` option of the factory. */
  snapshot(): unknown;
  /** Subscribes to status/current-item changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Hands the SCO's adl.nav.request (after Terminate) to the player via the subscriber mechanism. */
  request(request: NavRequestFromContent): void;
  /** The request the content made at Terminate, taken once by the player. */
  takePendingRequest(): NavRequest | undefined;
  /** Items in tree order with a launch URL. */
  leaves(): Item[];
}

type Flow = { kind: 'found'; activity: Activity } | { kind: 'end' } | { kind: 'blocked'; reason: string };

export function createNavigator(
  manifest: Manifest,
  organization: Organization,
  options: NavigatorOptions = {},
): LegacyNavigator {
  return new SimpleNavigator(manifest, organization, options);
}

class SimpleNavigator implements LegacyNavigator {
  readonly manifest: Manifest;
  readonly organization: Organization;
  private readonly tree: ActivityTree;
  private readonly scorm12: boolean;
  private readonly states = new Map<Activity, ActivityState>();
  private current: Activity | undefined;
  /** Whether the current activity's attempt is still going on (SN "Activity is Active" of the leaf). */
  private active = false;
  private suspendedActivity: Activity | undefined;
  private pending: NavRequest | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly prerequisites = new Map<Activity, PrerequisiteExpr | null>();
  /**
   * Global objective id → the activity whose primary objective writes it, per aspect (imsss mapInfo:
   * satisfaction, measure; adlseq mapInfo, 4th ed.: completion, progress measure).
   */
  private readonly writers = {
    satisfied: new Map<string, Activity>(),
    measure: new Map<string, Activity>(),
    completion: new Map<string, Activity>(),
    progress: new Map<string, Activity>(),
  };

  constructor(manifest: Manifest, organization: Organization, options: NavigatorOptions) {
    this.manifest = manifest;
    this.organization = organization;
    this.scorm12 = manifest.version === '1.2';
    this.tree = buildActivityTree(manifest, organization);
    for (const a of this.tree.preorder) {
      this.states.set(a, emptyActivityState());
      for (const map of a.sequencing.objectives.primary?.mapInfo ?? []) {
        const id = map.targetObjectiveID;
        if (map.writeSatisfiedStatus) this.writers.satisfied.set(id, a);
        if (map.writeNormalizedMeasure) this.writers.measure.set(id, a);
        if (map.writeCompletionStatus) this.writers.completion.set(id, a);
        if (map.writeProgressMeasure) this.writers.progress.set(id, a);
      }
    }
    if (options.restore) this.restore(options.restore);
  }

  get currentItemId(): string | undefined {
    return this.active ? this.current?.id : undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Requests (OP.1 → NB.2.1 → SB.2.12)
  // ---------------------------------------------------------------------------------------------

  navigate(request: NavRequest): LegacyNavOutcome {
    const outcome = this.evaluate(request);
    this.apply(request, outcome);
    return outcome;
  }

  canNavigate(request: NavRequest): boolean {
    const outcome = this.evaluate(request);
    return outcome.kind !== 'invalid';
  }

  isRequestValid(request: 'continue' | 'previous' | 'choice' | 'jump', target?: string): boolean | 'unknown' {
    if (request === 'choice' || request === 'jump') {
      if (target === undefined) return false;
      return this.canNavigate({ type: request, target });
    }
    return this.canNavigate({ type: request });
  }

  request(request: NavRequestFromContent): void {
    this.pending = request;
    this.notify();
  }

  takePendingRequest(): NavRequest | undefined {
    const p = this.pending;
    this.pending = undefined;
    return p;
  }

  /** NB.2.1 Navigation Request Process + the sequencing request it maps to. Pure: changes nothing. */
  private evaluate(request: NavRequest): LegacyNavOutcome {
    const current = this.current;
    const hasSession = this.active && current !== undefined;
    switch (request.type) {
      case 'start': {
        // NB.2.1-1: only when the sequencing session has not begun.
        if (hasSession) return { kind: 'invalid', reason: 'The course has already started.' };
        return this.startSequencing();
      }
      case 'resumeAll': {
        // NB.2.1-2 / SB.2.6: needs a suspended activity and no session.
        if (hasSession) return { kind: 'invalid', reason: 'The course has already started.' };
        if (!this.suspendedActivity) return { kind: 'invalid', reason: 'Nothing was suspended.' };
        return { kind: 'deliver', itemId: this.suspendedActivity.id };
      }
      case 'continue':
      case 'previous': {
        // NB.2.1-3/4, SB.2.7 / SB.2.8: needs a current activity, flow (and not forwardOnly for previous)
        // on its parent; then the flow traversal SB.2.1–2.3.
        if (!current) return { kind: 'invalid', reason: 'No current activity.' };
        const dir = request.type === 'continue' ? 1 : -1;
        const flow = this.flowFrom(current, dir, false);
        if (flow.kind === 'found') return { kind: 'deliver', itemId: flow.activity.id };
        if (flow.kind === 'end' && dir === 1 && !this.scorm12) {
          // SB.2.7-3: continuing past the last activity ends the sequencing session.
          return { kind: 'end', reason: this.endReason() };
        }
        return {
          kind: 'invalid',
          reason: flow.kind === 'blocked' ? flow.reason : `Nothing to ${request.type} to.`,
        };
      }
      case 'choice':
      case 'jump':
        return this.choiceSequencing(request.target, request.type === 'jump');
      case 'exit':
      case 'abandon': {
        // NB.2.1-5/9: needs an active current activity. SB.2.11: exiting a non-root activity does not end
        // the session; when the course is a single SCO there is nothing left to choose, so it ends.
        if (!hasSession) return { kind: 'invalid', reason: 'No current activity.' };
        if (this.tree.leaves.filter((l) => l.launchable).length <= 1)
          return { kind: 'end', reason: this.endReason() };
        return { kind: 'idle' };
      }
      case 'exitAll':
      case 'abandonAll':
        // NB.2.1-6/10: valid whenever a session has begun.
        if (!hasSession && !current) return { kind: 'invalid', reason: 'The course has not started.' };
        return { kind: 'end', reason: request.type };
      case 'suspendAll':
        // NB.2.1-8: needs a current activity.
        if (!current) return { kind: 'invalid', reason: 'No current activity.' };
        return { kind: 'end', reason: 'suspendAll' };
    }
  }

  private endReason(): 'completed' | 'nothing-to-deliver' {
    return this.stateOf(this.tree.root).completion === 'completed' ? 'completed' : 'nothing-to-deliver';
  }

  /** SB.2.5 Start Sequencing Request Process: flow into the root. */
  private startSequencing(): LegacyNavOutcome {
    const flow = this.flowFrom(this.tree.root, 1, true);
    if (flow.kind === 'found') return { kind: 'deliver', itemId: flow.activity.id };
    // SB.2.5 delivers nothing when the root's flow is off and waits for a choice. Like most LMSs we make
    // that choice for the learner: the first activity a choice can reach, so the stage is never blank.
    for (const leaf of this.tree.leaves) {
      if (leaf.launchable && this.choiceCheck(leaf, false) === undefined)
        return { kind: 'deliver', itemId: leaf.id };
    }
    return { kind: 'end', reason: 'nothing-to-deliver' };
  }

  /** SB.2.9 Choice Sequencing Request Process (and SB.2.13 Jump, which skips the control checks). */
  private choiceSequencing(targetId: string, jump: boolean): LegacyNavOutcome {
    const target = this.tree.byId.get(targetId);
    if (!target) return { kind: 'invalid', reason: `No activity "${targetId}".` };
    const problem = this.choiceCheck(target, jump);
    if (problem) return { kind: 'invalid', reason: problem };
    if (target === this.current && this.active) return { kind: 'stay' };
    if (target.launchable) return { kind: 'deliver', itemId: target.id };
    if (target.children.length === 0)
      return { kind: 'invalid', reason: `"${target.title}" has nothing to launch.` };
    // SB.2.9-12: a cluster target flows into its first deliverable descendant (SB.2.12 → SB.2.2).
    const flow = this.flowFrom(target, 1, true);
    if (flow.kind === 'found') return { kind: 'deliver', itemId: flow.activity.id };
    return { kind: 'invalid', reason: flow.kind === 'blocked' ? flow.reason : 'Nothing to deliver.' };
  }

  /** The checks of SB.2.9 on a choice target; returns why it is not allowed, or undefined. */
  private choiceCheck(target: Activity, jump: boolean): string | undefined {
    const path = pathFromRoot(target);
    if (this.scorm12) {
      // SCORM 1.2: free choice unless the item's (or an enclosing item's) prerequisites are unmet.
      for (const a of path)
        if (!this.prerequisitesMet(a)) return `The prerequisites of "${a.title}" are not met.`;
      return undefined;
    }
    if (jump) return undefined;
    for (const a of path) {
      // SB.2.9-4: hidden from choice.
      if (preConditionFires(a, 'hiddenFromChoice', this.lookup)) return `"${a.title}" is hidden from choice.`;
      // SB.2.9-5: the parent's choice control mode.
      if (a.parent && !a.parent.sequencing.controlMode.choice)
        return `Choice is not allowed within "${a.parent.title}".`;
      // SB.2.9 / UP.5 Check Activity Process: disabled.
      if (preConditionFires(a, 'disabled', this.lookup)) return `"${a.title}" is disabled.`;
    }
    const current = this.active ? this.current : undefined;
    if (current && target !== current) {
      const ca = commonAncestor(current, target);
      // SB.2.9-11.x: leaving an active activity whose choiceExit is false.
      for (let a: Activity | undefined = current; a && a !== ca; a = a.parent) {
        if (!a.sequencing.controlMode.choiceExit && !isWithin(target, a))
          return `"${a.title}" must be finished before choosing elsewhere.`;
      }
      // SB.2.4 Choice Activity Traversal Subprocess: no backward choice under forwardOnly.
      if (target.order < current.order && ca.sequencing.controlMode.forwardOnly)
        return `Only forward navigation is allowed within "${ca.title}".`;
    }
    return undefined;
  }

  /**
   * SB.2.1–SB.2.3 Flow (Tree) Traversal: the next deliverable leaf from `from` in direction `dir`.
   * `entering` means flowing into `from` itself (a cluster), as Start and a cluster choice do.
   */
  private flowFrom(from: Activity, dir: 1 | -1, entering: boolean): Flow {
    const leaves = this.tree.leaves;
    let i: number;
    if (entering) {
      i = leaves.findIndex((l) => l.order > from.order);
      if (i < 0) return { kind: 'end' };
    } else {
      i = leaves.indexOf(from) + dir;
    }
    const skipped: Activity[] = [];
    for (; i >= 0 && i < leaves.length; i += dir) {
      const leaf = leaves[i]!;
      if (entering && !isWithin(leaf, from)) break;
      if (skipped.some((s) => isWithin(leaf, s))) continue;
      const ca = entering ? from : commonAncestor(from, leaf);
      // The activities the traversal steps through, below the common ancestor, down to the leaf.
      const path = pathFromRoot(leaf).slice(pathFromRoot(ca).length);
      if (this.scorm12) {
        // 1.2: every item is in the flow; items whose prerequisites are unmet are passed over.
        if (!leaf.launchable || path.some((a) => !this.prerequisitesMet(a))) continue;
        return { kind: 'found', activity: leaf };
      }
      // SB.2.7-2 / SB.2.8-2 / SB.2.2-3: flow must be on for the parent of each step.
      if (!ca.sequencing.controlMode.flow)
        return { kind: 'blocked', reason: `Flow navigation is not allowed within "${ca.title}".` };
      if (dir === -1 && ca.sequencing.controlMode.forwardOnly)
        return { kind: 'blocked', reason: `Only forward navigation is allowed within "${ca.title}".` };
      let skip = false;
      for (const a of path) {
        if (a !== leaf && !a.sequencing.controlMode.flow)
          return { kind: 'blocked', reason: `Flow navigation is not allowed within "${a.title}".` };
        if (dir === -1 && a !== leaf && a.sequencing.controlMode.forwardOnly)
          return { kind: 'blocked', reason: `Only forward navigation is allowed within "${a.title}".` };
        // SB.2.2-2: skipped activities are passed over (a skipped cluster with all it holds).
        if (preConditionFires(a, 'skip', this.lookup)) {
          skipped.push(a);
          skip = true;
          break;
        }
        // SB.2.2-3 / UP.5: a disabled activity stops the traversal.
        if (preConditionFires(a, 'disabled', this.lookup))
          return { kind: 'blocked', reason: `"${a.title}" is disabled.` };
        // SB.2.1-3 (4th ed.): stopForwardTraversal.
        if (dir === 1 && preConditionFires(a, 'stopForwardTraversal', this.lookup))
          return { kind: 'blocked', reason: `"${a.title}" stops forward navigation.` };
      }
      if (skip || !leaf.launchable) continue;
      return { kind: 'found', activity: leaf };
    }
    return { kind: 'end' };
  }

  /** Applies an outcome: DB.2 Content Delivery Environment Process, or the end of the session. */
  private apply(request: NavRequest, outcome: LegacyNavOutcome): void {
    switch (outcome.kind) {
      case 'deliver': {
        const target = this.tree.byId.get(outcome.itemId)!;
        const previousPath = this.active && this.current ? new Set(pathFromRoot(this.current)) : new Set();
        // DB.2-4: every activity on the path that is not yet active begins a new attempt (counted).
        for (const a of pathFromRoot(target)) {
          if (previousPath.has(a)) continue;
          const s = this.stateOf(a);
          // Resuming a suspended activity continues its attempt (DB.2-4.1: suspended → not a new attempt).
          if (!s.suspended) s.attemptCount++;
          s.suspended = false;
        }
        if (request.type === 'resumeAll') this.suspendedActivity = undefined;
        this.current = target;
        this.active = true;
        break;
      }
      case 'idle':
        this.active = false;
        break;
      case 'end':
        if (outcome.reason === 'suspendAll' && this.current) {
          // SB.2.15 Suspend All: the current activity and its ancestors are suspended.
          this.suspendedActivity = this.current;
          for (const a of pathFromRoot(this.current)) this.stateOf(a).suspended = true;
        } else {
          this.suspendedActivity = undefined;
          for (const a of this.tree.preorder) this.stateOf(a).suspended = false;
        }
        this.current = undefined;
        this.active = false;
        break;
      case 'stay':
      case 'invalid':
        return;
    }
    this.notify();
  }

  // ---------------------------------------------------------------------------------------------
  // Tracking and rollup
  // ---------------------------------------------------------------------------------------------

  report(itemId: string, state: AttemptState): void {
    const activity = this.tree.byId.get(itemId);
    if (!activity) return;
    const s = this.stateOf(activity);
    s.completion =
      state.completionStatus === 'completed' || state.completionStatus === 'incomplete'
        ? state.completionStatus
        : 'unknown';
    s.success = state.successStatus;
    s.measure = state.scoreScaled;
    s.progressMeasure = state.progressMeasure;
    if (state.lessonStatus !== undefined) s.lessonStatus = state.lessonStatus;
    // A report means the activity (and so its ancestors) was attempted, even if delivered elsewhere.
    for (let a: Activity | undefined = activity; a; a = a.parent) {
      const st = this.stateOf(a);
      if (st.attemptCount === 0) st.attemptCount = 1;
    }
    const attemptEnded = state.terminated && state.entry !== 'resume';
    s.suspended = state.terminated && state.entry === 'resume';
    if (attemptEnded && !this.scorm12) {
      // UP.4 End Attempt Process defaults (scorm-reference B5): content that reported nothing leaves the
      // activity completed and satisfied, unless the manifest says the content sets them.
      const dc = activity.sequencing.deliveryControls;
      if (dc.tracked && !dc.completionSetByContent && s.completion === 'unknown') s.completion = 'completed';
      if (dc.tracked && !dc.objectiveSetByContent && s.success === 'unknown') s.success = 'passed';
    }
    this.rollupFrom(activity);
    this.notify();
  }

  /** RB.1.5 Overall Rollup Process: from the activity's parent up to the root. */
  private rollupFrom(activity: Activity): void {
    for (let a = activity.parent; a; a = a.parent) rollupActivity(a, this.stateOf(a), (c) => this.stateOf(c));
  }

  private rollupAll(): void {
    for (let i = this.tree.preorder.length - 1; i >= 0; i--) {
      const a = this.tree.preorder[i]!;
      if (a.children.length > 0) rollupActivity(a, this.stateOf(a), (c) => this.stateOf(c));
    }
  }

  status(itemId: string): LegacyActivityStatus {
    const activity = this.tree.byId.get(itemId);
    const s = activity ? this.stateOf(activity) : emptyActivityState();
    const attempted = s.attemptCount > 0;
    const status: LegacyActivityStatus = {
      itemId,
      // An attempted activity whose progress is not known yet is shown as incomplete, as LMSs report it.
      completion: s.completion !== 'unknown' ? s.completion : attempted ? 'incomplete' : 'not attempted',
      success: s.success,
      attempted,
      attemptCount: s.attemptCount,
      suspended: s.suspended,
    };
    if (s.measure !== undefined) status.scoreScaled = s.measure;
    if (s.progressMeasure !== undefined) status.progressMeasure = s.progressMeasure;
    return status;
  }

  isHidden(itemId: string): boolean {
    const activity = this.tree.byId.get(itemId);
    if (!activity) return true;
    // isvisible="false" hides the item itself, not what it holds (CAM 3.4.1.12: whether "this item" is
    // displayed): packages wrap their content in an invisible item to hang rules on it, and its children
    // stay in the menu (the golf PreOrPostTestRollup example). hiddenFromChoice hides the whole branch,
    // since no descendant of it can be chosen (SB.2.9-5, UP.2).
    if (!activity.isVisible) return true;
    if (this.scorm12) return false;
    return pathFromRoot(activity).some((a) => preConditionFires(a, 'hiddenFromChoice', this.lookup));
  }

  leaves(): Item[] {
    return this.tree.leaves.filter((l) => l.launchable).map((l) => l.item!);
  }

  /**
   * The state a rule condition tests (UP.2.1): the activity's own for its primary objective; for another
   * objective, what it reads from global objectives (imsss mapInfo readSatisfiedStatus /
   * readNormalizedMeasure; adlseq mapInfo readCompletionStatus / readProgressMeasure, 4th ed.), which here
   * is the primary objective of the activity that writes that global. This covers the common "disabled
   * until the previous SCO is satisfied/completed" pattern; the full engine keeps real global objectives.
   */
  private readonly lookup = (activity: Activity, ref: string | undefined): ActivityState => {
    const own = this.stateOf(activity);
    const objectives = activity.sequencing.objectives;
    if (ref === undefined || ref === '' || ref === objectives.primary?.objectiveID) return own;
    const objective = objectives.secondary.find((o) => o.objectiveID === ref);
    // A local objective that nothing reports into has an unknown status.
    const result: ActivityState = { ...own, success: 'unknown' };
    delete result.measure;
    for (const map of objective?.mapInfo ?? []) {
      const id = map.targetObjectiveID;
      const from = (writer: Activity | undefined) => (writer ? this.stateOf(writer) : undefined);
      const satisfied = map.readSatisfiedStatus ? from(this.writers.satisfied.get(id)) : undefined;
      if (satisfied) result.success = satisfied.success;
      const measure = map.readNormalizedMeasure ? from(this.writers.measure.get(id)) : undefined;
      if (measure?.measure !== undefined) result.measure = measure.measure;
      const completion = map.readCompletionStatus ? from(this.writers.completion.get(id)) : undefined;
      if (completion) result.completion = completion.completion;
      const progress = map.readProgressMeasure ? from(this.writers.progress.get(id)) : undefined;
      if (progress?.progressMeasure !== undefined) result.progressMeasure = progress.progressMeasure;
    }
    return result;
  };

  // ---------------------------------------------------------------------------------------------
  // 1.2 prerequisites
  // ---------------------------------------------------------------------------------------------

  private prerequisitesMet(activity: Activity): boolean {
    const text = activity.item?.prerequisites;
    if (!text) return true;
    let expr = this.prerequisites.get(activity);
    if (expr === undefined) {
      try {
        expr = parsePrerequisites(text) ?? null;
      } catch {
        // An unreadable script must not lock the learner out; treat it as met.
        expr = null;
      }
      this.prerequisites.set(activity, expr);
    }
    if (expr === null) return true;
    return evaluatePrerequisites(expr, (id) => this.lessonStatusOf(id));
  }

  private lessonStatusOf(id: string): LessonStatus | undefined {
    const a = this.tree.byId.get(id);
    if (!a) return undefined;
    const s = this.stateOf(a);
    if (s.lessonStatus && a.children.length === 0) return s.lessonStatus;
    if (s.success === 'passed') return 'passed';
    if (s.success === 'failed') return 'failed';
    if (s.completion === 'completed') return 'completed';
    if (s.completion === 'incomplete' || s.attemptCount > 0) return 'incomplete';
    return 'not attempted';
  }

  // ---------------------------------------------------------------------------------------------
  // Snapshot, subscription
  // ---------------------------------------------------------------------------------------------

  snapshot(): NavigatorSnapshot {
    const states: Record<string, ActivityState> = {};
    for (const [a, s] of this.states) {
      if (s.attemptCount > 0 || s.completion !== 'unknown' || s.success !== 'unknown')
        states[a.id] = { ...s };
    }
    const snap: NavigatorSnapshot = { v: 1, states };
    if (this.current) snap.current = this.current.id;
    if (this.suspendedActivity) snap.suspended = this.suspendedActivity.id;
    return snap;
  }

  private restore(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return;
    const snap = raw as NavigatorSnapshot;
    for (const [id, s] of Object.entries(snap.states ?? {})) {
      const a = this.tree.byId.get(id);
      if (a) this.states.set(a, { ...emptyActivityState(), ...s });
    }
    if (snap.suspended) this.suspendedActivity = this.tree.byId.get(snap.suspended);
    // The session itself is not restored: a new one begins with start or resumeAll (SB.2.5, SB.2.6). A
    // session that was cut off (a killed tab: the state still has a current activity) is taken as
    // suspended, so the learner resumes where the last write left them (sequencing.md §5.3).
    const cut = snap.current ? this.tree.byId.get(snap.current) : undefined;
    if (cut && !this.suspendedActivity) {
      this.suspendedActivity = cut;
      for (const a of pathFromRoot(cut)) this.stateOf(a).suspended = true;
    }
    this.rollupAll();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  private stateOf(activity: Activity): ActivityState {
    let s = this.states.get(activity);
    if (!s) {
      s = emptyActivityState();
      this.states.set(activity, s);
    }
    return s;
  }
}
