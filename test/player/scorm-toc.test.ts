import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/player/scorm-toc.js';
import type { ScormToc, TocItemState, TocNode } from '../../src/player/scorm-toc.js';
import { NavRequestEvent } from '../../src/player/events.js';
import { expectAccessible } from './audit.js';

const tree: TocNode = {
  id: 'org',
  title: 'Golf Course',
  children: [
    {
      id: 'm1',
      title: 'Playing',
      children: [
        { id: 'a', title: 'Alpha', children: [] },
        { id: 'b', title: 'Bravo', children: [] },
      ],
    },
    { id: 'c', title: 'Charlie', children: [] },
    { id: 'm2', title: 'Delta module', children: [{ id: 'd', title: 'Echo', children: [] }] },
  ],
};

const items = (el: ScormToc) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')];
/** The accessible name: the element aria-labelledby points at. */
const nameOf = (el: ScormToc, item: Element | null | undefined) =>
  item ? el.shadowRoot!.getElementById(item.getAttribute('aria-labelledby')!)?.textContent : undefined;
const byName = (el: ScormToc, name: string) => items(el).find((i) => nameOf(el, i) === name)!;
const focused = (el: ScormToc) => nameOf(el, el.shadowRoot!.activeElement);

async function make(states = new Map<string, TocItemState>(), currentId?: string): Promise<ScormToc> {
  const el = await fixture<ScormToc>(
    html`<scorm-toc .root=${tree} .states=${states} .currentId=${currentId}></scorm-toc>`,
  );
  await el.updateComplete;
  return el;
}

describe('<scorm-toc>', () => {
  it('is an ARIA tree: the organization on top, nested groups, expanded only on branches', async () => {
    const el = await make();
    const treeEl = el.shadowRoot!.querySelector('[role="tree"]')!;
    expect(treeEl.getAttribute('aria-label')).to.equal('Course contents');
    const top = treeEl.querySelector('[role="treeitem"]')!;
    expect(nameOf(el, top)).to.equal('Golf Course');
    expect(top.getAttribute('aria-expanded')).to.equal('true');
    expect(items(el).map((i) => nameOf(el, i))).to.deep.equal([
      'Golf Course',
      'Playing',
      'Alpha',
      'Bravo',
      'Charlie',
      'Delta module',
      'Echo',
    ]);
    // Alpha's group belongs to Playing (aria-owns).
    const group = byName(el, 'Alpha').parentElement!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(byName(el, 'Playing').getAttribute('aria-owns')).to.equal(group.id);
    expect(byName(el, 'Alpha').hasAttribute('aria-expanded')).to.equal(false);
    // Roving tabindex: exactly one item is in the tab order.
    expect(items(el).filter((i) => i.tabIndex === 0).length).to.equal(1);
    await expectAccessible(el);
  });

  it('shows status as text for screen readers, marks the current item and disabled items', async () => {
    const states = new Map<string, TocItemState>([
      ['a', { status: 'passed', disabled: false }],
      ['b', { status: 'incomplete', disabled: false }],
      ['c', { status: 'not attempted', disabled: true }],
    ]);
    const el = await make(states, 'b');
    const describedBy = (name: string) =>
      el.shadowRoot!.getElementById(byName(el, name).getAttribute('aria-describedby')!)!.textContent;
    expect(describedBy('Alpha')).to.equal('Passed');
    expect(describedBy('Bravo')).to.equal('Incomplete');
    expect(byName(el, 'Bravo').getAttribute('aria-selected')).to.equal('true');
    expect(byName(el, 'Bravo').getAttribute('aria-current')).to.equal('page');
    expect(byName(el, 'Alpha').getAttribute('aria-selected')).to.equal('false');
    expect(byName(el, 'Charlie').getAttribute('aria-disabled')).to.equal('true');
    expect(byName(el, 'Bravo').tabIndex).to.equal(0);
    // Updates patch in place.
    el.states = new Map([
      ...states,
      ['b', { status: 'failed', disabled: false }],
      ['c', { status: 'completed', disabled: false }],
    ]);
    el.currentId = 'c';
    await el.updateComplete;
    expect(describedBy('Bravo')).to.equal('Failed');
    expect(byName(el, 'Charlie').hasAttribute('aria-disabled')).to.equal(false);
    expect(byName(el, 'Charlie').getAttribute('aria-selected')).to.equal('true');
    expect(byName(el, 'Bravo').getAttribute('aria-selected')).to.equal('false');
    expect(byName(el, 'Bravo').hasAttribute('aria-current')).to.equal(false);
    await expectAccessible(el);
  });

  it('names each status icon in a tooltip and explains them in a status key', async () => {
    const states = new Map<string, TocItemState>([['a', { status: 'passed', disabled: false }]]);
    const el = await make(states, 'a');
    const icon = (name: string) => byName(el, name).querySelector<HTMLElement>('.icon')!;
    expect(icon('Alpha').title).to.equal('Passed');
    expect(icon('Bravo').title).to.equal('Not attempted');
    el.states = new Map([['a', { status: 'failed', disabled: false }]]);
    await el.updateComplete;
    expect(icon('Alpha').title).to.equal('Failed');
    const key = el.shadowRoot!.querySelector('details.legend')!;
    expect(key.querySelector('summary')!.textContent).to.equal('Status key');
    expect([...key.querySelectorAll('li .status-name')].map((n) => n.textContent)).to.deep.equal([
      'Not attempted',
      'Incomplete',
      'Completed',
      'Passed',
      'Failed',
    ]);
    (key as HTMLDetailsElement).open = true;
    await expectAccessible(el);
  });

  it('follows the dark colour scheme, the current item and the status key included, with enough contrast', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const states = new Map<string, TocItemState>([
        ['a', { status: 'passed', disabled: false }],
        ['b', { status: 'failed', disabled: false }],
        ['c', { status: 'not attempted', disabled: true }],
      ]);
      const el = await make(states, 'b');
      el.shadowRoot!.querySelector<HTMLDetailsElement>('details.legend')!.open = true;
      document.body.style.background = 'Canvas';
      expect(getComputedStyle(byName(el, 'Bravo')).backgroundColor).to.equal('rgb(32, 57, 92)');
      await expectAccessible(el);
    } finally {
      document.body.style.background = '';
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('follows the tree pattern with real keys', async () => {
    const el = await make(new Map([['c', { status: 'not attempted', disabled: true }]]));
    const chosen: string[] = [];
    el.addEventListener(NavRequestEvent.eventName, (e) => {
      if (e.request.type === 'choice') chosen.push(e.request.target);
    });
    el.focus();
    expect(focused(el)).to.equal('Golf Course');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('Playing');
    await sendKeys({ press: 'ArrowLeft' }); // collapse
    expect(byName(el, 'Playing').getAttribute('aria-expanded')).to.equal('false');
    // Collapsed branches keep their treeitems.
    expect(byName(el, 'Alpha')).to.exist;
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('Charlie');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowRight' }); // expand
    expect(byName(el, 'Playing').getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' }); // first child
    expect(focused(el)).to.equal('Alpha');
    await sendKeys({ press: 'ArrowLeft' }); // to parent
    expect(focused(el)).to.equal('Playing');
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal('Echo');
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal('Golf Course');
    await sendKeys({ type: 'b' }); // type-ahead
    expect(focused(el)).to.equal('Bravo');
    await aTimeout(600); // the type-ahead buffer clears after 0.5 s
    await sendKeys({ type: 'ec' });
    expect(focused(el)).to.equal('Echo');
    await sendKeys({ press: 'Enter' });
    await aTimeout(600);
    await sendKeys({ type: 'c' });
    expect(focused(el)).to.equal('Charlie');
    await sendKeys({ press: 'Space' }); // disabled: no request
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Space' });
    expect(chosen).to.deep.equal(['d', 'b']);
    // Exactly one tabbable item, and it is the focused one.
    const tabbable = items(el).filter((i) => i.tabIndex === 0);
    expect(tabbable.length).to.equal(1);
    expect(nameOf(el, tabbable[0])).to.equal('Bravo');
  });

  it('a click chooses the item; a click on the toggle only expands or collapses', async () => {
    const el = await make();
    const chosen: string[] = [];
    el.addEventListener(NavRequestEvent.eventName, (e) =>
      chosen.push((e.request as { target: string }).target),
    );
    (byName(el, 'Charlie').querySelector('.title') as HTMLElement).click();
    (byName(el, 'Delta module').querySelector('.toggle') as HTMLElement).click();
    expect(byName(el, 'Delta module').getAttribute('aria-expanded')).to.equal('false');
    expect(chosen).to.deep.equal(['c']);
  });

  it('renders 5,000 items quickly and moves focus in one step', async () => {
    const big: TocNode = { id: 'org', title: 'Big', children: [] };
    for (let m = 0; m < 100; m++) {
      const mod: TocNode = { id: `m${m}`, title: `Module ${m}`, children: [] };
      for (let i = 0; i < 49; i++)
        mod.children.push({ id: `m${m}i${i}`, title: `Item ${m}.${i}`, children: [] });
      big.children.push(mod);
    }
    const t0 = performance.now();
    const el = await fixture<ScormToc>(html`<scorm-toc .root=${big} .currentId=${'m50i3'}></scorm-toc>`);
    await el.updateComplete;
    const renderMs = performance.now() - t0;
    expect(items(el).length).to.equal(5001);
    el.focus();
    expect(focused(el)).to.equal('Item 50.3');
    const t1 = performance.now();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('Item 50.4');
    const stepMs = performance.now() - t1;
    // Generous bounds (CI machines are slow and sendKeys has overhead); the bench holds the real budget.
    expect(renderMs).to.be.below(1000);
    expect(stepMs).to.be.below(500);
  });
});
