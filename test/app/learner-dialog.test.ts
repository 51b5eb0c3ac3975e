import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/app/learner-dialog.js';
import type { LearnerDialog } from '../../src/app/learner-dialog.js';

describe('<scorm-learner-dialog>', () => {
  it('asks for a name by keyboard alone and makes a learner of it', async () => {
    const el = await fixture<LearnerDialog>(html`<scorm-learner-dialog></scorm-learner-dialog>`);
    const answer = el.ask();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('learner-name');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Jane Doe' });
    await sendKeys({ press: 'Enter' });
    const learner = await answer;
    expect(learner?.name).to.equal('Jane Doe');
    expect(learner?.id).to.match(/^jane-doe-[a-z0-9]+$/);
    expect(dialog.open).to.equal(false);
  });

  it('refuses an empty name with an alert, and Cancel (by keyboard) cancels', async () => {
    const el = await fixture<LearnerDialog>(html`<scorm-learner-dialog></scorm-learner-dialog>`);
    const answer = el.ask();
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role=alert]');
    expect(alert?.textContent).to.contain('enter your name');
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' }); // to Cancel
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Cancel');
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(await answer).to.equal(undefined);
  });

  it('keeps the id when the current learner changes their name', async () => {
    const el = await fixture<LearnerDialog>(html`<scorm-learner-dialog></scorm-learner-dialog>`);
    el.current = { id: 'u-7', name: 'Old' };
    const answer = el.ask();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('Old');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: 'New Name' });
    await sendKeys({ press: 'Enter' });
    expect(await answer).to.deep.equal({ id: 'u-7', name: 'New Name' });
  });
});
