import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/player/scorm-stage.js';
import type { ScormStage } from '../../src/player/scorm-stage.js';
import { expectAccessible } from './audit.js';

const pages = '/test/fixtures/one-file-per-sco-12/';

describe('<scorm-stage>', () => {
  it('loads the content in an unsandboxed iframe titled with the item title', async () => {
    const el = await fixture<ScormStage>(html`<scorm-stage></scorm-stage>`);
    el.load(`${pages}tying/bowline.html`, 'Bowline');
    const frame = el.shadowRoot!.querySelector('iframe')!;
    expect(frame.title).to.equal('Bowline');
    expect(frame.hasAttribute('sandbox')).to.equal(false);
    expect(el.status).to.equal('loading');
    await waitUntil(() => el.status === 'ready', 'content did not load', { timeout: 10000 });
    expect(frame.contentDocument!.title).to.not.equal('');
    await expectAccessible(el);
  });

  it('shows a clear error instead of the frame when the launch file is missing', async () => {
    const el = await fixture<ScormStage>(html`<scorm-stage></scorm-stage>`);
    el.load(`${pages}tying/NoSuchPage.html`, 'Missing');
    await waitUntil(() => el.status === 'error', 'no error view', { timeout: 10000 });
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('missing');
    expect(alert.textContent).to.contain('NoSuchPage.html');
    await expectAccessible(el);
  });

  it('unload removes the frame at once and runs the content unload handlers', async () => {
    const el = await fixture<ScormStage>(html`<scorm-stage></scorm-stage>`);
    el.load(`${pages}tying/bowline.html`, 'Bowline');
    await waitUntil(() => el.status === 'ready', 'content did not load', { timeout: 10000 });
    let unloaded = false;
    el.iframe!.contentWindow!.addEventListener('unload', () => (unloaded = true));
    el.unload();
    expect(unloaded).to.equal(true);
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    expect(el.status).to.equal('empty');
  });
});
