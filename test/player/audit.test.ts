import { expect, fixture, html } from '@open-wc/testing';
import { expectAccessible } from './audit.js';

describe('expectAccessible', () => {
  it('reports violations (the audit can fail)', async () => {
    const el = await fixture(html`<div><button></button></div>`);
    let failed = false;
    try {
      await expectAccessible(el);
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
  });
});
