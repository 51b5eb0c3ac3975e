import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/player/scorm-toolbar.js';
import type { ScormToolbar } from '../../src/player/scorm-toolbar.js';
import { NavRequestEvent } from '../../src/player/events.js';
import type { NavRequest } from '../../src/sequencing/navigator.js';
import { expectAccessible } from './audit.js';

const button = (el: ScormToolbar, name: string): HTMLButtonElement | undefined =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);

describe('<scorm-toolbar>', () => {
  it('has the five named buttons, disabled unless valid, and sends requests', async () => {
    const el = await fixture<ScormToolbar>(
      html`<scorm-toolbar .valid=${{ continue: true, suspendAll: true, exitAll: true }}></scorm-toolbar>`,
    );
    for (const name of ['Previous', 'Continue', 'Exit', 'Exit All', 'Suspend'])
      expect(button(el, name)).to.exist;
    expect(button(el, 'Previous')!.disabled).to.equal(true);
    expect(button(el, 'Exit')!.disabled).to.equal(true);
    expect(button(el, 'Continue')!.disabled).to.equal(false);
    const got: NavRequest[] = [];
    el.addEventListener(NavRequestEvent.eventName, (e) => got.push(e.request));
    button(el, 'Continue')!.focus();
    await sendKeys({ press: 'Enter' });
    button(el, 'Suspend')!.click();
    button(el, 'Previous')!.click();
    expect(got).to.deep.equal([{ type: 'continue' }, { type: 'suspendAll' }]);
    await expectAccessible(el);
  });

  it('leaves out what hideLMSUI hides', async () => {
    const el = await fixture<ScormToolbar>(
      html`<scorm-toolbar
        .valid=${{ continue: true }}
        .hideLmsUi=${['continue', 'previous']}
      ></scorm-toolbar>`,
    );
    expect(button(el, 'Continue')).to.equal(undefined);
    expect(button(el, 'Previous')).to.equal(undefined);
    expect(button(el, 'Exit')).to.exist;
  });

  it('offers no Previous or Continue in a course with a single launchable item', async () => {
    const el = await fixture<ScormToolbar>(
      html`<scorm-toolbar
        .valid=${{ exitAll: true, suspendAll: true }}
        .sequential=${false}
      ></scorm-toolbar>`,
    );
    expect(button(el, 'Previous')).to.equal(undefined);
    expect(button(el, 'Continue')).to.equal(undefined);
    expect(button(el, 'Exit All')!.disabled).to.equal(false);
    expect(button(el, 'Suspend')).to.exist;
  });

  it('shows icons only at phone width, the names still read, in light and dark', async () => {
    const el = await fixture<ScormToolbar>(
      html`<scorm-toolbar .valid=${{ continue: true }}></scorm-toolbar>`,
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme });
      document.body.style.background = 'Canvas';
      await expectAccessible(el);
    }
    document.body.style.background = '';
    await emulateMedia({ colorScheme: 'light' });
    // Each button's accessible name is its text; at phone width the text is visually hidden, not removed.
    const label = button(el, 'Continue')!.querySelector('.label')!;
    expect(label.textContent).to.equal('Continue');
    expect(button(el, 'Continue')!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
  });
});
