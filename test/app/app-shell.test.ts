import { expect, fixture, html } from '@open-wc/testing';
import '../../src/app/app-shell.js';

describe('<scorm-app>', () => {
  it('is a defined custom element that renders into its shadow root', async () => {
    const el = await fixture(html`<scorm-app></scorm-app>`);
    expect(customElements.get('scorm-app')).to.exist;
    expect(el.shadowRoot?.querySelector('h1')?.textContent).to.equal('scorm-player');
  });
});
