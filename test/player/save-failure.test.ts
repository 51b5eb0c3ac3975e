// A save that failed is never silent (issue 12), in Chromium with a real IndexedDB whose object stores throw
// QuotaExceededError on put while `failing` is set (as a full quota does): the SCO's Commit answers "false"
// with 391, the player shows a persistent notice with Retry, the state is kept in memory and written by the
// Retry once the store recovers, and a reload in between loses nothing (the journal holds it).
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { navigatorFactory } from '../../src/app/navigators.js';
import { parseManifest } from '../../src/package/index.js';
import '../../src/player/scorm-player.js';
import type { ScormPlayer } from '../../src/player/scorm-player.js';
import { IdbProgressStore } from '../../src/storage/progress-idb.js';
import { expectAccessible } from './audit.js';

const pkg = 'golf-RuntimeBasicCalls_SCORM20043rdEdition';
const courseKey = 'pkg:com.scorm.golfsamples.runtime.basicruntime.20043rd';

interface Api2004 {
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: string): string;
  Terminate(arg: string): string;
  GetLastError(): string;
  GetDiagnostic(code: string): string;
}
const api = (): Api2004 | undefined => (window as unknown as { API_1484_11?: Api2004 }).API_1484_11;

let failing = false;
const realPut = IDBObjectStore.prototype.put;
function failPuts(): void {
  IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
    if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return realPut.apply(this, args);
  };
}

const notice = (p: ScormPlayer) => p.shadowRoot!.querySelector('save-notice')!;
const noticeText = (p: ScormPlayer) => notice(p).shadowRoot!.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(store: IdbProgressStore): Promise<ScormPlayer> {
  const manifest = parseManifest(await (await fetch(`/corpus/packages/${pkg}/imsmanifest.xml`)).text());
  expect(`pkg:${manifest.identifier}`).to.equal(courseKey);
  return fixture<ScormPlayer>(
    html`<scorm-player
      .navigatorFactory=${navigatorFactory}
      style="height: 600px"
      .manifest=${manifest}
      .store=${store}
      .learner=${{ id: 'u1', name: 'Doe, Jane' }}
      course-key=${courseKey}
      content-base=${`/corpus/packages/${pkg}/`}
    ></scorm-player>`,
  );
}

describe('a failing IndexedDB (QuotaExceededError on put)', () => {
  let dbName: string;
  let store: IdbProgressStore;

  before(failPuts);
  after(() => (IDBObjectStore.prototype.put = realPut));
  beforeEach(() => {
    failing = false;
    dbName = `save-failure-${Math.random().toString(36).slice(2)}`;
    store = new IdbProgressStore(dbName);
  });
  afterEach(async () => {
    failing = false;
    fixtureCleanup();
    await store.close();
    await deleteDB(dbName);
    for (const key of Object.keys(localStorage))
      if (key.startsWith(`scorm-player:journal:${dbName}:`)) localStorage.removeItem(key);
  });

  it('Commit answers "false" with 391, a notice with Retry shows, and Retry after recovery saves everything', async () => {
    failing = true;
    const player = await mount(store);
    await waitUntil(() => api()?.GetValue('cmi.completion_status') === 'incomplete', 'SCO did not start', {
      timeout: 15000,
    });
    // Delivering the SCO wrote the course record, which failed: the failure is known before any Commit.
    await player.whenSaved();
    await waitUntil(() => noticeText(player).includes('Retry'), 'no notice');
    expect(noticeText(player))
      .to.contain('Your progress could not be saved')
      .and.contain('QuotaExceededError');
    expect(notice(player).shadowRoot!.querySelector('[role="alert"]')).to.not.equal(null);

    api()!.SetValue('cmi.location', 'page-7');
    api()!.SetValue('cmi.suspend_data', 'kept in memory');
    expect(api()!.Commit('')).to.equal('false');
    expect(api()!.GetLastError()).to.equal('391');
    expect(api()!.GetDiagnostic('391')).to.contain('could not be saved').and.contain('QuotaExceededError');
    await player.whenSaved();
    expect(await store.loadAttempt(courseKey, 'u1', 'item_1')).to.equal(undefined);
    // The notice persists through further failures; a Retry while still failing changes nothing.
    notice(player).shadowRoot!.querySelector('button')!.click();
    await player.whenSaved();
    expect(noticeText(player)).to.contain('could not be saved');
    await expectAccessible(player);

    failing = false;
    notice(player).shadowRoot!.querySelector('button')!.click();
    await player.whenSaved();
    await waitUntil(() => noticeText(player) === '', 'the notice stayed after a successful save');
    const saved = await store.loadAttempt(courseKey, 'u1', 'item_1');
    expect(saved?.state.location).to.equal('page-7');
    expect(saved?.state.suspendData).to.equal('kept in memory');
    expect((await store.loadCourse(courseKey, 'u1'))?.currentItemId).to.equal('item_1');
    expect(api()!.Commit('')).to.equal('true');
    expect(api()!.GetLastError()).to.equal('0');
  });

  it('Terminate answers "false" with 391 too, and a reload while failing loses nothing', async () => {
    failing = true;
    const player = await mount(store);
    await waitUntil(() => api()?.GetValue('cmi.completion_status') === 'incomplete', 'SCO did not start', {
      timeout: 15000,
    });
    await player.whenSaved();
    api()!.SetValue('cmi.location', 'page-9');
    api()!.SetValue('cmi.exit', 'suspend');
    expect(api()!.Terminate('')).to.equal('false');
    expect(api()!.GetLastError()).to.equal('391');
    await player.whenSaved();
    // The page goes away while the store still fails; then the browser's storage recovers and the app
    // opens the database again, as a reload does.
    fixtureCleanup();
    await store.close();
    expect(await new IdbProgressStore(dbName).loadAttempt(courseKey, 'u1', 'item_1')).to.equal(undefined);
    failing = false;
    store = new IdbProgressStore(dbName);
    const saved = await store.loadAttempt(courseKey, 'u1', 'item_1');
    expect(saved?.state.location).to.equal('page-9');
    expect(saved?.state.exit).to.equal('suspend');
    expect(
      Object.keys(localStorage).filter((k) => k.startsWith(`scorm-player:journal:${dbName}:`)),
    ).to.deep.equal([]);
  });
});
