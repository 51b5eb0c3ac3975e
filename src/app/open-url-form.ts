// <scorm-open-url-form>: opens a course from a URL (a folder, its imsmanifest.xml or a .zip) by navigating to
// ?course=<url>, so the launch has a URL of its own that can be bookmarked and shared.
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { msg, updateWhenLocaleChanges } from '../i18n/msg.js';
import { NavigateEvent } from './events.js';
import { sharedStyles } from './shared-styles.js';

@customElement('scorm-open-url-form')
export class OpenUrlForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        border: 1px solid var(--sp-line);
        border-radius: 0.6rem;
        padding: 1rem;
        height: 100%;
        box-sizing: border-box;
      }
      h2 {
        margin-top: 0;
      }
      label {
        display: block;
        margin-bottom: 0.3rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      input {
        flex: 1 1 12rem;
      }
    `,
  ];

  @state() accessor problem = '';
  @query('input') accessor input!: HTMLInputElement;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<section aria-labelledby="url-heading">
      <h2 id="url-heading">${msg('Open a course from a URL', { id: 'url.title' })}</h2>
      <form @submit=${this.#onSubmit} novalidate>
        <label for="course-url"
          >${msg('Address of a course folder, its imsmanifest.xml, or a .zip', { id: 'url.label' })}</label
        >
        <div class="row">
          <input
            id="course-url"
            name="course"
            type="text"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            placeholder="https://example.com/course/imsmanifest.xml"
            aria-invalid=${this.problem ? 'true' : 'false'}
            aria-describedby=${this.problem ? 'url-problem' : ''}
          />
          <button type="submit" class="primary">${msg('Open', { id: 'library.open' })}</button>
        </div>
        ${this.problem ? html`<p id="url-problem" class="error" role="alert">${this.problem}</p>` : ''}
      </form>
    </section>`;
  }

  #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const url = this.input.value.trim();
    if (url === '') {
      this.problem = msg('Enter the address of a course.', { id: 'url.empty' });
      this.input.focus();
      return;
    }
    try {
      new URL(url, document.baseURI);
    } catch {
      this.problem = msg('That is not a web address.', { id: 'url.invalid' });
      this.input.focus();
      return;
    }
    this.problem = '';
    this.dispatchEvent(new NavigateEvent({ view: 'play', source: { kind: 'url', url } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scorm-open-url-form': OpenUrlForm;
  }
}
