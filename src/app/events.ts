// Events the app's views dispatch upward; the shell (<scorm-app>) acts on them.
import type { Learner } from './learner-store.js';
import type { Route } from './routes.js';

/** Asks the shell to show another route (history.pushState, no page load). */
export class NavigateEvent extends Event {
  static readonly eventName = 'scorm-navigate';
  constructor(readonly route: Route) {
    super(NavigateEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The learner was named or changed in the learner dialog. */
export class LearnerChangeEvent extends Event {
  static readonly eventName = 'scorm-learner-change';
  constructor(readonly learner: Learner) {
    super(LearnerChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'scorm-navigate': NavigateEvent;
    'scorm-learner-change': LearnerChangeEvent;
  }
}
