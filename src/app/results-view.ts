// <scorm-results-view>: per course and learner, the status, score and time, each item's detail and its
// interactions; exports to CSV and JSON. Loaded lazily (?view=results[&course=…][&learner=…]).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlayerDatabase } from '../storage/db.js';
import { IdbProgressStore } from '../storage/progress-idb.js';
import { msg, str, updateWhenLocaleChanges } from '../i18n/msg.js';
import { formatDate, formatScaled, formatSeconds, statusLabel } from './format.js';
import { courseKeyFromParam, loadResults, type CourseResult, type ItemResult } from './results-data.js';
import { download, resultsToCsv, resultsToJson } from './results-export.js';
import { routeHref } from './routes.js';
import { sharedStyles } from './shared-styles.js';

@customElement('scorm-results-view')
export class ResultsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 1rem;
      }
      article {
        border: 1px solid var(--sp-line);
        border-radius: 0.6rem;
        padding: 1rem;
        margin-bottom: 1rem;
      }
      article h2 {
        margin-top: 0;
        overflow-wrap: anywhere;
      }
      dl.summary {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.5rem 1rem;
        margin: 0 0 1rem;
      }
      dl.summary div {
        display: flex;
        flex-direction: column;
      }
      dt {
        color: var(--sp-muted);
        font-size: 0.9rem;
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.95rem;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0.25rem 0;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid var(--sp-line);
        vertical-align: top;
      }
      details {
        margin: 0.25rem 0 0.75rem;
      }
      summary {
        cursor: pointer;
        padding: 0.4rem 0;
      }
    `,
  ];

  @property({ attribute: false }) accessor db: PlayerDatabase | undefined;
  /** `&course=`: a course key (pkg:, url:, dispatch:) or a course URL. */
  @property({ attribute: false }) accessor course: string | undefined;
  @property({ attribute: false }) accessor learnerId: string | undefined;
  @state() accessor results: CourseResult[] | undefined;
  @state() accessor error = '';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    if (changed.has('db') || changed.has('course') || changed.has('learnerId')) void this.refresh();
  }

  /** The course key the view is filtered on, if any. */
  get courseKey(): string | undefined {
    return this.course === undefined ? undefined : courseKeyFromParam(this.course, document.baseURI);
  }

  async refresh(): Promise<void> {
    if (!this.db) return;
    try {
      const filter: { courseKey?: string; learnerId?: string } = {};
      if (this.courseKey !== undefined) filter.courseKey = this.courseKey;
      if (this.learnerId !== undefined) filter.learnerId = this.learnerId;
      this.results = await loadResults(this.db, new IdbProgressStore(this.db), filter);
      this.error = '';
    } catch (error) {
      this.error = msg(str`The results could not be read: ${(error as Error).message}`, {
        id: 'results.read-failed',
      });
    }
  }

  override render() {
    const filtered = this.course !== undefined || this.learnerId !== undefined;
    return html`
      <h1 tabindex="-1">${msg('Results', { id: 'header.results' })}</h1>
      <div class="toolbar">
        ${
          filtered
            ? html`<span class="muted"
                  >${
                    this.learnerId
                      ? msg(str`Filtered to learner ${this.learnerId}.`, { id: 'results.filtered-learner' })
                      : msg('Filtered.', { id: 'results.filtered' })
                  }</span
                >
                <a href=${routeHref({ view: 'results' })}
                  >${msg('Show all results', { id: 'results.show-all' })}</a
                >`
            : nothing
        }
        <button type="button" ?disabled=${!this.results?.length} @click=${this.#exportCsv}>
          ${msg('Export CSV', { id: 'results.export-csv' })}
        </button>
        <button type="button" ?disabled=${!this.results?.length} @click=${this.#exportJson}>
          ${msg('Export JSON', { id: 'results.export-json' })}
        </button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing} ${this.#renderResults()}
    `;
  }

  #renderResults() {
    if (this.results === undefined)
      return html`<p class="muted" role="status">${msg('Loading results…', { id: 'results.loading' })}</p>`;
    if (this.results.length === 0) {
      return html`<p>
        ${msg('No results yet. Results appear here once a course has been opened.', { id: 'results.empty' })}
      </p>`;
    }
    return this.results.map((r, i) => this.#renderCourse(r, i));
  }

  #renderCourse({ course: c, items }: CourseResult, index: number) {
    const headingId = `course-${index}`;
    const learner =
      c.learnerName && c.learnerName !== c.learnerId ? `${c.learnerName} (${c.learnerId})` : c.learnerId;
    return html`<article
      aria-labelledby=${headingId}
      data-course-key=${c.courseKey}
      data-learner=${c.learnerId}
    >
      <h2 id=${headingId}>${c.title}</h2>
      <dl class="summary">
        <div>
          <dt>${msg('Learner', { id: 'results.learner' })}</dt>
          <dd>${learner}</dd>
        </div>
        <div>
          <dt>${msg('Status', { id: 'library.status' })}</dt>
          <dd class="course-status">
            ${statusLabel({ completion: c.completionStatus, success: c.successStatus })}${
              c.suspended ? ` ${msg('(suspended)', { id: 'results.suspended' })}` : ''
            }
          </dd>
        </div>
        <div>
          <dt>${msg('Score', { id: 'results.score' })}</dt>
          <dd class="course-score">${formatScaled(c.scoreScaled) || '–'}</dd>
        </div>
        <div>
          <dt>${msg('Time', { id: 'results.time' })}</dt>
          <dd>${formatSeconds(c.totalSeconds)}</dd>
        </div>
        <div>
          <dt>${msg('Last activity', { id: 'results.last-activity' })}</dt>
          <dd>${formatDate(c.updatedAt)}</dd>
        </div>
      </dl>
      ${
        items.length === 0
          ? html`<p class="muted">${msg('No item has reported yet.', { id: 'results.no-items' })}</p>`
          : html`<div class="scroll" role="region" aria-labelledby=${`${headingId}-items`} tabindex="0">
                <table>
                  <caption id=${`${headingId}-items`}>
                    ${msg(str`Items of ${c.title}`, { id: 'results.items-of' })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${msg('Item', { id: 'results.item' })}</th>
                      <th scope="col">${msg('Status', { id: 'library.status' })}</th>
                      <th scope="col">${msg('Score', { id: 'results.score' })}</th>
                      <th scope="col">${msg('Time', { id: 'results.time' })}</th>
                      <th scope="col">${msg('Interactions', { id: 'results.interactions' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${items.map((item) => this.#renderItemRow(item))}
                  </tbody>
                </table>
              </div>
              ${items.filter((item) => item.interactions.length > 0).map((item) => this.#renderInteractions(item))}`
      }
    </article>`;
  }

  #renderItemRow(item: ItemResult) {
    return html`<tr data-item=${item.itemId}>
      <th scope="row">${item.title}</th>
      <td class="item-status">${statusLabel({ completion: item.completion, success: item.success })}</td>
      <td class="item-score">${scoreText(item)}</td>
      <td>${formatSeconds(item.totalSeconds)}</td>
      <td>${item.interactions.length}</td>
    </tr>`;
  }

  #renderInteractions(item: ItemResult) {
    return html`<details>
      <summary>
        ${msg(str`Interactions in ${item.title} (${item.interactions.length})`, { id: 'results.interactions-count' })}
      </summary>
      <div
        class="scroll"
        role="region"
        aria-label=${msg(str`Interactions in ${item.title}`, { id: 'results.interactions-in' })}
        tabindex="0"
      >
        <table>
          <thead>
            <tr>
              <th scope="col">${msg('Question', { id: 'results.question' })}</th>
              <th scope="col">${msg('Type', { id: 'results.type' })}</th>
              <th scope="col">${msg('Response', { id: 'results.response' })}</th>
              <th scope="col">${msg('Correct response', { id: 'results.correct-response' })}</th>
              <th scope="col">${msg('Result', { id: 'results.result' })}</th>
            </tr>
          </thead>
          <tbody>
            ${item.interactions.map(
              (i) =>
                html`<tr data-interaction=${i.id}>
                  <th scope="row">${i.description || i.id}</th>
                  <td>${i.type}</td>
                  <td>${i.learnerResponse}</td>
                  <td>${i.correctResponses.join(msg(' or ', { id: 'results.or' }))}</td>
                  <td>${resultLabel(i.result)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  #exportCsv = () => {
    if (this.results)
      download(resultsToCsv(this.results), `${this.#fileStem()}.csv`, 'text/csv;charset=utf-8');
  };

  #exportJson = () => {
    if (this.results) download(resultsToJson(this.results), `${this.#fileStem()}.json`, 'application/json');
  };

  #fileStem(): string {
    return `scorm-results-${new Date().toISOString().slice(0, 10)}`;
  }
}

/**
 * An interaction's result in words (cmi.interactions.n.result, scorm-reference A4/B4: 1.2 says 'wrong' where
 * 2004 says 'incorrect'); a numeric result stays as it is.
 */
function resultLabel(result: string): string {
  switch (result) {
    case 'correct':
      return msg('correct', { id: 'results.correct' });
    case 'incorrect':
    case 'wrong':
      return msg('incorrect', { id: 'results.incorrect' });
    case 'unanticipated':
      return msg('unanticipated', { id: 'results.unanticipated' });
    case 'neutral':
      return msg('neutral', { id: 'results.neutral' });
    default:
      return result;
  }
}

/** 'passed 3/4 (75%)'-style score text: raw of max when known, and the scaled percentage. */
function scoreText(item: ItemResult): string {
  const parts: string[] = [];
  if (item.scoreRaw !== undefined) {
    parts.push(item.scoreMax !== undefined ? `${item.scoreRaw} / ${item.scoreMax}` : String(item.scoreRaw));
  }
  if (item.scoreScaled !== undefined) parts.push(`(${formatScaled(item.scoreScaled)})`);
  return parts.join(' ') || '–';
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-results-view': ResultsView;
  }
}
