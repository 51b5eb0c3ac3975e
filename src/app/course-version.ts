// Which version of a course to open for a returning learner (the seed's promise: "update content once, all
// LMSs get it; in-progress learners can continue with the old version or restart with the new"). The app
// calls resolveCourseVersion() before it hands a course to <scorm-player>: for dispatches (token + user id)
// and for library courses re-imported with the same manifest identifier alike.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { decideVersion, type CourseVersion, type VersionDecision } from '../dispatch/version-choice.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import type { ProgressStore } from '../storage/progress.js';

export type { CourseVersion, VersionDecision };

export interface ResolveCourseVersionOptions {
  store: ProgressStore;
  courseKey: string;
  learnerId: string;
  /** The version that would open now. */
  current: CourseVersion;
  /**
   * Where earlier versions can still be opened from: dispatches.json `versions` (absolute URLs), or the
   * courseVersion.url of other library packages with the same manifest identifier.
   */
  earlierVersions?: readonly string[];
  /** For the prompt's text. */
  courseTitle?: string;
  /** Where the prompt is attached (default document.body). */
  container?: HTMLElement;
}

export interface ResolvedCourseVersion {
  /** Open this version (its url is `current.url` or the started version's url). */
  version: CourseVersion;
  /** current: nothing to ask; continue: on the version the attempt began on; restart: progress was cleared. */
  choice: 'current' | 'continue' | 'restart';
  decision: VersionDecision;
}

/**
 * Looks at the learner's course record and, when an unfinished attempt began on another version, asks the
 * learner with <scorm-version-prompt>. "Start again" deletes the learner's progress in the course before it
 * resolves. A finished attempt on an older version simply opens the current one (its record then names the
 * current version, so the next attempt is counted on it).
 */
export async function resolveCourseVersion(
  options: ResolveCourseVersionOptions,
): Promise<ResolvedCourseVersion> {
  const { store, courseKey, learnerId, current } = options;
  const record = await store.loadCourse(courseKey, learnerId);
  const decision = decideVersion(record, current, options.earlierVersions ?? []);
  if (decision.kind === 'open-current') {
    if (decision.reason === 'attempt-ended' && record) {
      await store.save({
        course: { ...record, courseVersion: current, updatedAt: new Date().toISOString() },
      });
    }
    return { version: current, choice: 'current', decision };
  }
  const choice = await askVersion({
    canContinue: decision.canContinue,
    ...(options.courseTitle !== undefined ? { courseTitle: options.courseTitle } : {}),
    container: options.container ?? document.body,
  });
  if (choice === 'continue') return { version: decision.started, choice, decision };
  await store.deleteProgress(courseKey, learnerId);
  return { version: current, choice: 'restart', decision };
}

/** Shows the prompt and resolves with the learner's choice; the prompt removes itself. */
export function askVersion(options: {
  canContinue: boolean;
  courseTitle?: string;
  container: HTMLElement;
}): Promise<'continue' | 'restart'> {
  const prompt = document.createElement('scorm-version-prompt');
  prompt.canContinue = options.canContinue;
  prompt.courseTitle = options.courseTitle ?? '';
  return new Promise((resolve) => {
    prompt.addEventListener(
      VersionChoiceEvent.eventName,
      (event) => {
        prompt.remove();
        resolve(event.choice);
      },
      { once: true },
    );
    options.container.append(prompt);
  });
}

export class VersionChoiceEvent extends Event {
  static readonly eventName = 'scorm-version-choice';
  constructor(readonly choice: 'continue' | 'restart') {
    super(VersionChoiceEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A modal dialog: the course changed since the learner began; continue on the old version or start again. */
@customElement('scorm-version-prompt')
export class VersionPrompt extends LitElement {
  static override styles = css`
    dialog {
      max-width: 32rem;
      border: 1px solid #888;
      border-radius: 0.5rem;
      padding: 1.25rem 1.5rem;
      font: inherit;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    button {
      font: inherit;
      padding: 0.4rem 1rem;
    }
  `;

  @property({ type: Boolean, attribute: 'can-continue' }) accessor canContinue = true;
  @property({ attribute: 'course-title' }) accessor courseTitle = '';
  @query('dialog') accessor dialog!: HTMLDialogElement;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override firstUpdated(): void {
    // showModal makes the rest of the page inert and moves focus into the dialog (HTML "dialog" focusing steps).
    this.dialog.showModal();
  }

  override render() {
    return html`<dialog
      aria-labelledby="version-heading"
      aria-describedby="version-text"
      @cancel=${(e: Event) => e.preventDefault()}
    >
      <h2 id="version-heading">${msg('This course has been updated', { id: 'version.title' })}</h2>
      <p id="version-text">
        ${
          this.courseTitle
            ? msg(str`“${this.courseTitle}” has changed since you began it.`, { id: 'version.changed-named' })
            : msg('This course has changed since you began it.', { id: 'version.changed' })
        }
        ${
          this.canContinue
            ? msg(
                'You can continue where you left off on the version you started, or start again on the new version.',
                { id: 'version.can-continue' },
              )
            : msg(
                'The version you started is no longer available, so you will start again on the new version.',
                {
                  id: 'version.cannot-continue',
                },
              )
        }
      </p>
      <div class="actions">
        ${
          this.canContinue
            ? html`<button type="button" autofocus @click=${() => this.#choose('continue')}>
                ${msg('Continue where I left off', { id: 'version.continue' })}
              </button>`
            : nothing
        }
        <button type="button" ?autofocus=${!this.canContinue} @click=${() => this.#choose('restart')}>
          ${msg('Start again on the new version', { id: 'version.restart' })}
        </button>
      </div>
    </dialog>`;
  }

  #choose(choice: 'continue' | 'restart'): void {
    this.dialog.close();
    this.dispatchEvent(new VersionChoiceEvent(choice));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-version-prompt': VersionPrompt;
  }
  interface HTMLElementEventMap {
    'scorm-version-choice': VersionChoiceEvent;
  }
}
