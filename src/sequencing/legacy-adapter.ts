// A bridge from the first navigator (simple-navigator.ts) to the amended Navigator interface, so the
// player can move to the new seam before the full SN engine replaces both. Temporary: it goes with the
// simple navigator.
import type { Item, Manifest, Organization } from '../package/types.js';
import type { AttemptState } from '../runtime/types.js';
import type {
  ActivityStatus,
  ActivityView,
  DeliveryData,
  GlobalObjectives,
  NavigationSnapshot,
  NavOutcome,
  NavRequest,
  NavRequestKind,
  Navigator,
  NavigatorFactory,
} from './navigator.js';
import { createNavigator as createSimpleNavigator, type LegacyNavigator } from './simple-navigator.js';

const kinds: NavRequestKind[] = [
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

class LegacyAdapter implements Navigator {
  readonly globalObjectiveScope = 'course' as const;
  private readonly listeners = new Set<(snapshot: NavigationSnapshot) => void>();
  private revision = 0;
  private cached: NavigationSnapshot | undefined;
  /** What the last delivery was (a resumed attempt or a new one). */
  private lastDelivery: DeliveryData | undefined;

  constructor(private readonly inner: LegacyNavigator) {
    inner.subscribe(() => this.changed());
  }

  get manifest(): Manifest {
    return this.inner.manifest;
  }

  get organization(): Organization {
    return this.inner.organization;
  }

  private changed(): void {
    this.revision++;
    this.cached = undefined;
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }

  snapshot(): NavigationSnapshot {
    if (this.cached) return this.cached;
    const inner = this.inner;
    const org = inner.organization;
    const requests = {} as Record<NavRequestKind, boolean>;
    for (const kind of kinds) requests[kind] = inner.canNavigate({ type: kind });
    const activities = new Map<string, ActivityView>();
    const visit = (id: string, children: Item[]): void => {
      activities.set(id, {
        id,
        // isHidden() answers for the item alone: an invisible wrapper's children stay visible.
        visible: id === org.identifier || !inner.isHidden(id),
        selectable: inner.canNavigate({ type: 'choice', target: id }),
        enabled: true,
        jumpable: false,
        children: children.map((c) => c.identifier),
        status: inner.status(id),
      });
      for (const child of children) visit(child.identifier, child.children);
    };
    visit(org.identifier, org.items);
    this.cached = {
      revision: this.revision,
      rootId: org.identifier,
      currentId: inner.currentItemId,
      requests,
      activities,
    };
    return this.cached;
  }

  navigate(request: NavRequest): NavOutcome {
    // DB.2: a delivery that counts an attempt begins a new one; a resumed suspended attempt does not.
    const counts = new Map(
      this.inner.leaves().map((l) => [l.identifier, this.inner.status(l.identifier).attemptCount]),
    );
    const outcome = this.inner.navigate(request);
    switch (outcome.kind) {
      case 'deliver': {
        const newAttempt = this.inner.status(outcome.itemId).attemptCount !== counts.get(outcome.itemId);
        this.lastDelivery = { newAttempt, objectives: [] };
        return { kind: 'deliver', itemId: outcome.itemId, newAttempt };
      }
      case 'end':
        return { kind: 'end', reason: outcome.reason };
      case 'stay':
      case 'idle':
        return { kind: 'wait' };
      case 'invalid':
        return { kind: 'invalid', exception: '', reason: outcome.reason };
    }
  }

  deliveryData(): DeliveryData {
    return this.lastDelivery ?? { newAttempt: true, objectives: [] };
  }

  report(itemId: string, state: AttemptState): void {
    this.inner.report(itemId, state);
  }

  status(itemId: string): ActivityStatus {
    return this.inner.status(itemId);
  }

  leaves(): Item[] {
    return this.inner.leaves();
  }

  persist(): unknown {
    return this.inner.snapshot();
  }

  globalObjectives(): GlobalObjectives {
    return {};
  }

  subscribe(listener: (snapshot: NavigationSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const createLegacyNavigator: NavigatorFactory = (manifest, organization, options = {}) =>
  new LegacyAdapter(
    createSimpleNavigator(
      manifest,
      organization,
      options.restore === undefined ? {} : { restore: options.restore },
    ),
  );
