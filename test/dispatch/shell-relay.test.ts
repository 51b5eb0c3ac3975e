// The relay shell inside a host LMS run by scorm-again: it frames the player, writes what the player's
// RelayClient (src/dispatch/relay-client.ts, run by fixtures/relay-player/) posts into the host's API,
// commits, and ends the host session when the learner exits. Messages of the wrong shape, source or origin
// change nothing.
import { expect } from '@open-wc/testing';
import type { RelayClient, RelayConnection } from '../../src/dispatch/relay-client.js';
import {
  installHostApi,
  mountShell,
  removeHostApis,
  unmountShells,
  until,
  type HostApi,
} from './host-lms.js';

const player = `${location.origin}/test/dispatch/fixtures/relay-player/`;

interface RelayPage {
  client: RelayClient;
  params: URLSearchParams;
  connection: Promise<RelayConnection>;
  postRaw(data: unknown): void;
}

async function relayPage(shell: HTMLIFrameElement): Promise<{ page: RelayPage; frame: HTMLIFrameElement }> {
  const frame = await until(() => shell.contentDocument?.querySelector('iframe'), 5000, 'the player frame');
  const page = await until(
    () => (frame.contentWindow as (Window & { relay?: RelayPage }) | null)?.relay,
    5000,
    'the player page',
  );
  return { page, frame };
}

/** The host's CMI data as scorm-again commits it (write-only elements included). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = (api: HostApi): any => JSON.parse(JSON.stringify(api.cmi));

const get = (api: HostApi, version: '1.2' | '2004', element: string): string =>
  String((api[version === '1.2' ? 'LMSGetValue' : 'GetValue'] as (e: string) => string)(element));

for (const version of ['1.2', '2004'] as const) {
  describe(`relay shell, SCORM ${version}`, () => {
    afterEach(() => {
      unmountShells();
      removeHostApis();
    });

    it('frames the player with relay=1, full size, titled, and hands it the learner name', async () => {
      await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea course',
        mode: 'relay',
        route: 'query',
      });
      const { page, frame } = await relayPage(shell);
      expect(page.params.get('dispatch')).to.equal('relayTok');
      expect(page.params.get('user_id')).to.equal('learner-7');
      expect(page.params.get('relay')).to.equal('1');
      expect(frame.title).to.equal('Tea course');
      expect(frame.allow).to.equal('fullscreen');
      expect(frame.getBoundingClientRect().height).to.equal(shell.clientHeight);
      const connection = await page.connection;
      expect(connection).to.deep.equal({
        status: 'connected',
        origin: location.origin,
        learnerName: 'Doe, Jane',
        entry: '',
        limit: version === '1.2' ? 4096 : 64000,
      });
    });

    it('writes completion, success, score, progress, location and session time, commits, and terminates on exit', async () => {
      const api = await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      const calls: string[] = [];
      for (const name of version === '1.2' ? ['LMSCommit', 'LMSFinish'] : ['Commit', 'Terminate'])
        api.on(name, () => calls.push(name));
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea',
        mode: 'relay',
        route: 'query',
      });
      const { page } = await relayPage(shell);
      expect((await page.connection).status).to.equal('connected');

      page.client.progress({
        completion: 'incomplete',
        success: 'unknown',
        progressMeasure: 0.5,
        sessionSeconds: 61.5,
        location: 'sco-brewing',
      });
      await until(
        () =>
          get(api, version, version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location') ===
          'sco-brewing',
        3000,
        'the first write',
      );
      const commitName = version === '1.2' ? 'LMSCommit' : 'Commit';
      expect(calls.filter((c) => c === commitName).length).to.be.greaterThan(0);
      if (version === '1.2') {
        expect(get(api, version, 'cmi.core.lesson_status')).to.equal('incomplete');
      } else {
        expect(get(api, version, 'cmi.completion_status')).to.equal('incomplete');
        expect(get(api, version, 'cmi.progress_measure')).to.equal('0.5');
      }

      page.client.exit(
        {
          completion: 'completed',
          success: 'passed',
          scoreScaled: 0.75,
          scoreRaw: 3,
          scoreMin: 0,
          scoreMax: 4,
          progressMeasure: 1,
          sessionSeconds: 3723.25,
          location: 'sco-wrapup',
        },
        false,
      );
      await until(
        () => calls.includes(version === '1.2' ? 'LMSFinish' : 'Terminate'),
        3000,
        'the end of the host session',
      );
      if (version === '1.2') {
        const core = data(api).core;
        expect(core.lesson_status).to.equal('passed');
        expect(core.score).to.deep.include({ raw: '75', min: '0', max: '100' });
        expect(core.session_time).to.equal('01:02:03.25');
        expect(core.exit).to.equal('');
      } else {
        const cmi = data(api);
        expect(cmi.completion_status).to.equal('completed');
        expect(cmi.success_status).to.equal('passed');
        expect(cmi.score.scaled).to.equal('0.75');
        expect(cmi.score.raw).to.equal('3');
        expect(cmi.score.max).to.equal('4');
        expect(cmi.session_time).to.equal('PT1H2M3.25S');
        expect(cmi.exit).to.equal('normal');
      }
      // Terminated once; the shell says so and no longer frames the player.
      expect(calls.filter((c) => c === 'LMSFinish' || c === 'Terminate').length).to.equal(1);
      expect(shell.contentDocument!.querySelector('iframe')).to.equal(null);
      expect(shell.contentDocument!.querySelector('main')!.textContent).to.contain(
        'You have left the course',
      );
    });

    it("hands the player the host's stored state, its entry and its suspend_data limit", async () => {
      const api = await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      // What an LMS loads for a returning learner who suspended.
      if (version === '1.2') api.cmi.core!.entry = 'resume';
      else api.cmi.entry = 'resume';
      api.cmi.suspend_data = 'sp1.e.stored-before';
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea',
        mode: 'relay',
        route: 'query',
      });
      const { page } = await relayPage(shell);
      expect(await page.connection).to.deep.equal({
        status: 'connected',
        origin: location.origin,
        learnerName: 'Doe, Jane',
        resume: 'sp1.e.stored-before',
        entry: 'resume',
        limit: version === '1.2' ? 4096 : 64000,
      });
    });

    it('writes the course state into suspend_data on each message, and says which text the host took', async () => {
      const api = await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea',
        mode: 'relay',
        route: 'query',
      });
      const { page } = await relayPage(shell);
      await page.connection;
      const answers: unknown[] = [];
      page.client.onStored((m) => answers.push(m));
      page.client.progress(
        { completion: 'incomplete', success: 'unknown', sessionSeconds: 5 },
        { state: 'sp1.f.full-state', fallback: 'sp1.e.short' },
      );
      await until(() => answers.length === 1, 3000, 'the answer');
      expect(data(api).suspend_data).to.equal('sp1.f.full-state');
      expect(answers[0]).to.deep.equal({
        type: 'scorm-dispatch:stored',
        v: 1,
        token: 'relayTok',
        stored: 'state',
        error: '',
      });
    });

    it('falls back to the essential part when the host refuses the full state, and still writes the results', async () => {
      const api = await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      // A host that caps suspend_data at 100 characters, refusing longer values the way strict LMSs do.
      const code = version === '1.2' ? '405' : '351';
      const setName = version === '1.2' ? 'LMSSetValue' : 'SetValue';
      const errorName = version === '1.2' ? 'LMSGetLastError' : 'GetLastError';
      const realSet = (api[setName] as (e: string, v: string) => string).bind(api);
      const realError = (api[errorName] as () => string).bind(api);
      let refused = false;
      api[setName] = (element: string, value: string) => {
        refused = element === 'cmi.suspend_data' && value.length > 100;
        return refused ? 'false' : realSet(element, value);
      };
      api[errorName] = () => (refused ? code : realError());
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea',
        mode: 'relay',
        route: 'query',
      });
      const { page } = await relayPage(shell);
      await page.connection;
      const answers: { stored: string; error: string }[] = [];
      page.client.onStored((m) => answers.push(m));
      page.client.progress(
        { completion: 'completed', success: 'passed', sessionSeconds: 5, location: 'sco-2' },
        { state: `sp1.f.${'x'.repeat(200)}`, fallback: 'sp1.e.essential' },
      );
      await until(() => answers.length === 1, 3000, 'the answer');
      expect(answers[0]).to.include({ stored: 'fallback', error: code });
      expect(data(api).suspend_data).to.equal('sp1.e.essential');
      // Nothing fits: the host keeps what it had, the player hears so, the results go in all the same.
      page.client.progress(
        { completion: 'completed', success: 'passed', sessionSeconds: 6, location: 'sco-3' },
        { state: `sp1.e.${'y'.repeat(150)}` },
      );
      await until(() => answers.length === 2, 3000, 'the second answer');
      expect(answers[1]).to.include({ stored: 'none', error: code });
      expect(data(api).suspend_data).to.equal('sp1.e.essential');
      expect(get(api, version, version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location')).to.equal(
        'sco-3',
      );
      expect(get(api, version, version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status')).to.equal(
        'passed',
      );
    });

    it('keeps the attempt resumable when the learner suspends', async () => {
      const api = await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea',
        mode: 'relay',
        route: 'query',
      });
      const { page } = await relayPage(shell);
      await page.connection;
      page.client.exit(
        { completion: 'incomplete', success: 'unknown', sessionSeconds: 10, location: 'sco-quiz' },
        true,
        { state: 'sp1.f.at-exit' },
      );
      await until(
        () => (version === '1.2' ? data(api).core.exit : data(api).exit) === 'suspend',
        3000,
        'exit=suspend',
      );
      expect(data(api).suspend_data).to.equal('sp1.f.at-exit');
      expect(version === '1.2' ? data(api).core.lesson_location : data(api).location).to.equal('sco-quiz');
    });

    it('terminates the host session when the shell unloads without an exit message', async () => {
      const api = await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      let finished = 0;
      api.on(version === '1.2' ? 'LMSFinish' : 'Terminate', () => finished++);
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea',
        mode: 'relay',
        route: 'query',
      });
      const { page } = await relayPage(shell);
      await page.connection;
      page.client.progress(
        { completion: 'incomplete', success: 'unknown', sessionSeconds: 5 },
        { state: 'resume-me' },
      );
      await until(
        () => (version === '1.2' ? api.cmi.core!.lesson_status : api.cmi.completion_status) === 'incomplete',
        3000,
        'the write',
      );
      shell.src = 'about:blank';
      await until(() => finished === 1, 3000, 'the terminate at unload');
      expect(version === '1.2' ? data(api).core.exit : data(api).exit).to.equal('suspend');
      expect(data(api).suspend_data).to.equal('resume-me');
    });

    it('ignores messages of the wrong shape, and from other windows', async () => {
      const api = await installHostApi(version, { id: 'learner-7', name: 'Doe, Jane' });
      const shell = await mountShell({
        scorm: version,
        token: 'relayTok',
        playerUrl: player,
        title: 'Tea',
        mode: 'relay',
        route: 'query',
      });
      const { page } = await relayPage(shell);
      await page.connection;
      const good = {
        type: 'scorm-dispatch:progress',
        v: 1,
        token: 'relayTok',
        completion: 'completed',
        success: 'passed',
        sessionSeconds: 1,
      };
      const bad = [
        { ...good, token: 'otherTok' },
        { ...good, v: 2 },
        { ...good, completion: 'done' },
        { ...good, scoreScaled: 2 },
        { ...good, sessionSeconds: -1 },
        { ...good, sessionSeconds: undefined },
        { ...good, location: 'x'.repeat(256) },
        { ...good, state: 'x'.repeat(64001) },
        { ...good, fallback: 42 },
        { ...good, type: 'scorm-dispatch:exit', suspended: 'yes' },
        'completed',
        null,
      ];
      for (const data of bad) page.postRaw(data);
      // The same good message from a window other than the player frame (this page).
      shell.contentWindow!.postMessage(good, '*');
      // A marker the shell does accept, posted last: once it landed, every earlier message has been handled.
      page.postRaw({ ...good, completion: 'incomplete', success: 'unknown', location: 'marker' });
      await until(
        () => get(api, version, version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location') === 'marker',
        3000,
        'the marker',
      );
      if (version === '1.2') expect(api.cmi.core!.lesson_status).to.equal('incomplete');
      else expect(api.cmi.success_status).to.equal('unknown');
    });
  });
}

describe('relay client origin checks', () => {
  it('posts nothing to a parent whose origin is not in allowedOrigins', async () => {
    const other = 'https://other-lms.example.com';
    const received: unknown[] = [];
    const onMessage = (e: MessageEvent) => received.push(e.data);
    window.addEventListener('message', onMessage);
    const frame = document.createElement('iframe');
    frame.src = `${player}?dispatch=relayTok&user_id=x&relay=1&allow=${encodeURIComponent(other)}`;
    document.body.append(frame);
    try {
      const page = await until(
        () => (frame.contentWindow as (Window & { relay?: RelayPage }) | null)?.relay,
        5000,
        'the page',
      );
      // This page answers like a shell would; the player must still refuse it.
      frame.contentWindow!.postMessage(
        { type: 'scorm-dispatch:hello', v: 1, token: 'relayTok', origin: location.origin },
        '*',
      );
      const connection = await page.connection;
      expect(connection).to.deep.equal({
        status: 'refused',
        origin: location.origin,
        reason: 'origin-not-allowed',
      });
      page.client.progress({ completion: 'completed', success: 'passed', sessionSeconds: 1 });
      page.client.exit({ completion: 'completed', success: 'passed', sessionSeconds: 1 }, false);
      await new Promise((r) => setTimeout(r, 200));
      expect(received.filter((d) => (d as { type?: string })?.type !== 'scorm-dispatch:ping')).to.deep.equal(
        [],
      );
    } finally {
      window.removeEventListener('message', onMessage);
      frame.remove();
    }
  });
});
