import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { parseManifest } from '../../src/package/index.js';
import type { Manifest } from '../../src/package/types.js';
import '../../src/player/scorm-player.js';
import { navigatorFactory } from '../../src/app/navigators.js';
import type { ScormPlayer } from '../../src/player/scorm-player.js';
import type { ScormToc } from '../../src/player/scorm-toc.js';
import { runtimeApiFactory } from '../../src/player/default-api.js';
import type { ApiFactory } from '../../src/player/sco-session.js';
import { ScormItemChangeEvent, ScormProgressEvent, ScormSessionEndEvent } from '../../src/player/events.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';
import { MemoryProgressStore } from '../../src/storage/progress-memory.js';
import type { ProgressStore } from '../../src/storage/progress.js';
import { expectAccessible } from './audit.js';

/** The project's test courses (test/fixtures/README.md), served from the project root. */
const fixtures = '/test/fixtures/';

async function loadManifest(pkg: string): Promise<Manifest> {
  const response = await fetch(`${fixtures}${pkg}/imsmanifest.xml`);
  return parseManifest(await response.text());
}

interface Api12 {
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: string): string;
}
interface Api2004 {
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: string): string;
  Terminate(arg: string): string;
}
const api12 = (): Api12 | undefined => (window as unknown as { API?: Api12 }).API;
const api2004 = (): Api2004 | undefined => (window as unknown as { API_1484_11?: Api2004 }).API_1484_11;

/** The next event of this name from the element, typed by HTMLElementEventMap. */
function nextEvent<K extends keyof HTMLElementEventMap>(
  el: HTMLElement,
  name: K,
): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(name, resolve, { once: true }));
}

/**
 * The real runtime, with the content frame's alert/confirm answered (the fixture SCO asks "resume where
 * you left off?" with confirm(), which would block a headless test). Patched when the SCO initializes.
 */
function answerDialogs(): ApiFactory {
  return (version, options) => {
    const api = runtimeApiFactory(version, options) as unknown as Record<string, (arg: string) => string>;
    for (const name of ['LMSInitialize', 'Initialize']) {
      const original = api[name];
      if (!original) continue;
      api[name] = (arg: string) => {
        for (const player of document.querySelectorAll('scorm-player')) {
          const win = frameOf(player)?.contentWindow as (Window & typeof globalThis) | null | undefined;
          if (win) {
            win.confirm = () => true;
            win.alert = () => undefined;
          }
        }
        return original.call(api, arg);
      };
    }
    return api as unknown as ReturnType<ApiFactory>;
  };
}

const stageOf = (p: ScormPlayer | undefined) => p?.shadowRoot?.querySelector('scorm-stage');
const frameOf = (p: ScormPlayer | undefined) => stageOf(p)?.shadowRoot?.querySelector('iframe') ?? null;
const tocOf = (p: ScormPlayer) => p.shadowRoot!.querySelector('scorm-toc') as ScormToc;
const toolbarButton = (p: ScormPlayer, name: string) =>
  [...p.shadowRoot!.querySelector('scorm-toolbar')!.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.textContent!.trim() === name,
  )!;
function tocItem(p: ScormPlayer, title: string): HTMLElement | undefined {
  const root = tocOf(p).shadowRoot!;
  return [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find(
    (i) => root.getElementById(i.getAttribute('aria-labelledby')!)!.textContent === title,
  );
}
const tocStatus = (p: ScormPlayer, title: string) =>
  tocOf(p).shadowRoot!.getElementById(tocItem(p, title)!.getAttribute('aria-describedby')!)!.textContent;

async function mount(options: {
  pkg: string;
  store: ProgressStore;
  initialItem?: string;
  learner?: { id: string; name?: string };
}): Promise<ScormPlayer> {
  const manifest = await loadManifest(options.pkg);
  const factory = answerDialogs();
  const player = await fixture<ScormPlayer>(
    html`<scorm-player
      .navigatorFactory=${navigatorFactory}
      style="height: 600px"
      .manifest=${manifest}
      .store=${options.store}
      .learner=${options.learner ?? { id: 'u1', name: 'Doe, Jane' }}
      .apiFactory=${factory}
      .initialItem=${options.initialItem}
      course-key=${`pkg:${manifest.identifier}`}
      content-base=${`${fixtures}${options.pkg}/`}
    ></scorm-player>`,
  );
  return player;
}

describe('<scorm-player> with a SCORM 1.2 SCO (runtime-12)', () => {
  const pkg = 'runtime-12';
  let dbName: string;
  let store: IdbProgressStore;

  beforeEach(() => {
    dbName = `player-test-${Math.random().toString(36).slice(2)}`;
    store = new IdbProgressStore(dbName);
  });
  afterEach(async () => {
    fixtureCleanup();
    await store.close();
    await deleteDB(dbName);
  });

  it('the content finds the API, reports, and progress lands in IndexedDB after Commit', async () => {
    const player = await mount({ pkg, store });
    await waitUntil(
      () => api12()?.LMSGetValue('cmi.core.lesson_status') === 'incomplete',
      'SCO did not start',
      {
        timeout: 15000,
      },
    );
    expect(api2004()).to.equal(undefined);
    expect(frameOf(player)!.title).to.equal('Knots Explained');
    expect(api12()!.LMSGetValue('cmi.core.student_name')).to.equal('Doe, Jane');
    // The SCO commits (as content does); the write is durable once whenSaved resolves.
    const progress = nextEvent(player, ScormProgressEvent.eventName);
    expect(api12()!.LMSCommit('')).to.equal('true');
    const event = await progress;
    expect(event.detail.itemId).to.equal('item_1');
    expect(event.detail.item.lessonStatus).to.equal('incomplete');
    expect(event.detail.completion).to.equal('incomplete');
    await player.whenSaved();
    const saved = await store.loadAttempt('pkg:fixtures.runtime.12', 'u1', 'item_1');
    expect(saved?.state.lessonStatus).to.equal('incomplete');
    expect(saved?.state.location).to.equal('0');
    const course = await store.loadCourse('pkg:fixtures.runtime.12', 'u1');
    expect(course?.completionStatus).to.equal('incomplete');
    expect(course?.learnerName).to.equal('Doe, Jane');
    await waitUntil(() => tocStatus(player, 'Knots Explained') === 'Incomplete', 'TOC status not shown');
    await expectAccessible(player);
  });

  it('Suspend ends the session (no frame left), and a new player on the same store resumes at once', async () => {
    const key = 'pkg:fixtures.runtime.12';
    const first = await mount({ pkg, store });
    await waitUntil(() => api12()?.LMSGetValue('cmi.core.lesson_location') === '0', 'SCO did not start', {
      timeout: 15000,
    });
    const ended = nextEvent(first, ScormSessionEndEvent.eventName);
    toolbarButton(first, 'Suspend').click();
    const end = await ended;
    expect(end.reason).to.equal('suspendAll');
    expect(end.summary.suspended).to.equal(true);
    expect(frameOf(first)).to.equal(null);
    expect(api12()).to.equal(undefined);
    const panel = first.shadowRoot!.querySelector('.panel')!;
    expect(panel.textContent).to.contain('You have left the course');
    expect([...panel.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Resume']);
    const attempt = await store.loadAttempt(key, 'u1', 'item_1');
    // The fixture SCO's unload handler set exit=suspend and session time, then LMSFinish ran.
    expect(attempt?.state.terminated).to.equal(true);
    expect(attempt?.state.entry).to.equal('resume');
    expect((await store.loadCourse(key, 'u1'))?.suspended).to.equal(true);
    await expectAccessible(first);
    fixtureCleanup();

    const second = await mount({ pkg, store });
    await waitUntil(() => api12()?.LMSGetValue('cmi.core.entry') === 'resume', 'did not resume', {
      timeout: 15000,
    });
    expect(api12()!.LMSGetValue('cmi.core.lesson_location')).to.equal('0');
    expect(frameOf(second)!.title).to.equal('Knots Explained');
    await waitUntil(
      async () => (await store.loadCourse(key, 'u1'))?.suspended === false,
      'record not resumed',
    );
  });

  it('Exit of the only SCO finishes its session on its behalf and ends the course session', async () => {
    const player = await mount({ pkg, store: new MemoryProgressStore() });
    await waitUntil(
      () => api12()?.LMSGetValue('cmi.core.lesson_status') === 'incomplete',
      'SCO did not start',
      {
        timeout: 15000,
      },
    );
    const ended = nextEvent(player, ScormSessionEndEvent.eventName);
    toolbarButton(player, 'Exit').click();
    expect((await ended).reason).to.equal('nothing-to-deliver');
    expect(frameOf(player)).to.equal(null);
    const panel = player.shadowRoot!.querySelector('.panel')!;
    expect([...panel.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Review']);
  });
});

describe('<scorm-player> flow and choice (SCORM 1.2, one file per SCO)', () => {
  const pkg = 'one-file-per-sco-12';
  afterEach(() => fixtureCleanup());

  it('starts at the first item; Continue and Previous follow the tree order; the TOC follows', async () => {
    const player = await mount({ pkg, store: new MemoryProgressStore() });
    await waitUntil(() => frameOf(player)?.title === 'How to Tie', 'first item not delivered');
    expect(api12()).to.not.equal(undefined);
    expect(toolbarButton(player, 'Previous').disabled).to.equal(true);
    const changes: (string | undefined)[] = [];
    player.addEventListener(ScormItemChangeEvent.eventName, (e) => changes.push(e.itemId));
    toolbarButton(player, 'Continue').click();
    await waitUntil(() => frameOf(player)?.title === 'Bowline', 'Continue did not move on');
    toolbarButton(player, 'Continue').click();
    await waitUntil(() => frameOf(player)?.title === 'Clove Hitch', 'Continue did not move on');
    await waitUntil(() => !toolbarButton(player, 'Previous').disabled, 'Previous not enabled');
    toolbarButton(player, 'Previous').click();
    await waitUntil(() => frameOf(player)?.title === 'Bowline', 'Previous did not go back');
    expect(changes).to.deep.equal(['tying_bowline_item', 'tying_clove_item', 'tying_bowline_item']);
    await waitUntil(
      () => tocItem(player, 'Bowline')?.getAttribute('aria-selected') === 'true',
      'TOC current',
    );
    expect(tocItem(player, 'Bowline')!.getAttribute('aria-current')).to.equal('page');
    // The top treeitem is the organization.
    const top = tocOf(player).shadowRoot!.querySelector('[role="treeitem"]')!;
    expect(
      tocOf(player).shadowRoot!.getElementById(top.getAttribute('aria-labelledby')!)!.textContent,
    ).to.equal('Knots Explained - One File Per Page');
    // Choosing from the TOC.
    tocItem(player, 'Safety Quiz')!.click();
    await waitUntil(() => frameOf(player)?.title === 'Safety Quiz', 'choice did not deliver');
    expect(frameOf(player)!.src).to.contain('?questions=Safety');
  });

  it('&item= makes a choice of that item the first request', async () => {
    const player = await mount({ pkg, store: new MemoryProgressStore(), initialItem: 'safety_loads_item' });
    await waitUntil(() => frameOf(player)?.title === 'Working Loads', 'initial item not delivered');
  });
});

describe('<scorm-player> with SCORM 2004 SCOs', () => {
  afterEach(() => fixtureCleanup());

  it('puts API_1484_11 (and no API) on the window; the SCO reports; launch values come from the manifest', async () => {
    (window as unknown as { API?: unknown }).API = { stale: true };
    const store = new MemoryProgressStore();
    const player = await mount({ pkg: 'runtime-2004-3rd', store });
    await waitUntil(
      () => api2004()?.GetValue('cmi.completion_status') === 'incomplete',
      'SCO did not start',
      {
        timeout: 15000,
      },
    );
    expect((window as unknown as { API?: unknown }).API).to.equal(undefined);
    expect(api2004()!.GetValue('cmi.learner_id')).to.equal('u1');
    expect(api2004()!.GetValue('cmi.mode')).to.equal('normal');
    expect(api2004()!.GetValue('cmi.credit')).to.equal('credit');
    const progress = nextEvent(player, ScormProgressEvent.eventName);
    api2004()!.Commit('');
    expect((await progress).detail.item.completionStatus).to.equal('incomplete');
    expect(tocStatus(player, 'Knots Explained')).to.equal('Incomplete');
  });

  it('adl.nav.request after Terminate drives the next navigation; request_valid answers from the navigator', async () => {
    const store = new MemoryProgressStore();
    const player = await mount({ pkg: 'seq-forced-sequential', store });
    await waitUntil(() => frameOf(player)?.title === 'Bowline', 'first SCO not delivered', {
      timeout: 15000,
    });
    await waitUntil(() => api2004()?.GetValue('cmi.location') === '0', 'SCO did not start', {
      timeout: 15000,
    });
    // Clove Hitch is disabled until Bowline is satisfied (a global objective read).
    expect(tocItem(player, 'Clove Hitch')!.getAttribute('aria-disabled')).to.equal('true');
    // Continue is valid whenever the parent allows flow (sequencing.md §6.1: NB.2.1 only), even though
    // the flow would find Clove Hitch disabled now; choosing Clove Hitch is not.
    expect(api2004()!.GetValue('adl.nav.request_valid.continue')).to.equal('true');
    expect(api2004()!.GetValue('adl.nav.request_valid.choice.{target=clove_item}')).to.equal('false');
    api2004()!.SetValue('cmi.completion_status', 'completed');
    api2004()!.SetValue('cmi.success_status', 'passed');
    api2004()!.Commit('');
    await waitUntil(
      () => !tocItem(player, 'Clove Hitch')!.hasAttribute('aria-disabled'),
      'Clove Hitch not enabled',
    );
    expect(tocStatus(player, 'Bowline')).to.equal('Passed');
    expect(api2004()!.GetValue('adl.nav.request_valid.continue')).to.equal('true');
    api2004()!.SetValue('adl.nav.request', 'continue');
    api2004()!.Terminate('');
    await waitUntil(() => frameOf(player)?.title === 'Clove Hitch', 'continue was not carried out', {
      timeout: 15000,
    });
    await expectAccessible(player);
  });
});
