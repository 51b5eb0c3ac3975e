// The redirect shell (shell-templates/*/index.html) inside a host LMS run by scorm-again: API discovery, the
// redirect URL, and every failure page.
import { expect } from '@open-wc/testing';
import {
  frameHref,
  installHostApi,
  mountShell,
  removeHostApis,
  shellText,
  unmountShells,
  until,
  type HostApi,
} from './host-lms.js';

const player = `${location.origin}/player-under-test/`;
const unreachable = 'http://127.0.0.1:9/';

for (const version of ['1.2', '2004'] as const) {
  const idElement = version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id';
  const apiName = version === '1.2' ? 'window.API' : 'window.API_1484_11';

  describe(`redirect shell, SCORM ${version}`, () => {
    afterEach(() => {
      unmountShells();
      removeHostApis();
    });

    it('finds the API on the parent, initializes and goes to the path route with the token and user id', async () => {
      const api = await installHostApi(version, { id: 'jane doe/42&x', name: 'Doe, Jane' });
      let initialized = 0;
      api.on(version === '1.2' ? 'LMSInitialize' : 'Initialize', () => initialized++);
      const frame = await mountShell({
        scorm: version,
        token: 'tok-123_A',
        playerUrl: player,
        title: 'Demo',
      });
      const href = await until(
        () => frameHref(frame).includes('/player/dispatch/') && frameHref(frame),
        5000,
        'the redirect',
      );
      const url = new URL(href);
      expect(url.origin + url.pathname).to.equal(`${player}player/dispatch/tok-123_A`);
      expect(url.searchParams.get('user_id')).to.equal('jane doe/42&x');
      expect(url.search).to.equal('?user_id=jane%20doe%2F42%26x');
      expect(initialized).to.equal(1);
      // The host sees the attempt under way, never a false completion (reference F).
      const status = version === '1.2' ? api.cmi.core!.lesson_status : api.cmi.completion_status;
      expect(status).to.equal('incomplete');
    });

    it('uses the query route when the shell was made for it', async () => {
      await installHostApi(version, { id: 'u1', name: 'One, User' });
      const frame = await mountShell({
        scorm: version,
        token: 'tokQ',
        playerUrl: player,
        title: 'Demo',
        route: 'query',
      });
      const href = await until(
        () => frameHref(frame).includes('dispatch=') && frameHref(frame),
        5000,
        'the redirect',
      );
      expect(href).to.equal(`${player}?dispatch=tokQ&user_id=u1`);
    });

    it('says so, and stays, when no API is found', async () => {
      const frame = await mountShell({ scorm: version, token: 'tok1', playerUrl: player, title: 'Demo' });
      const text = await until(
        () => shellText(frame).includes('not found') && shellText(frame),
        3000,
        'the message',
      );
      expect(text).to.contain(apiName);
      expect(frame.contentDocument!.querySelector('main')!.getAttribute('role')).to.equal('alert');
      expect(frameHref(frame)).to.match(/^blob:/);
    });

    it("shows the LMS's error string when Initialize is refused", async () => {
      const api = await installHostApi(version, { id: 'u1', name: 'One, User' });
      // A second Initialize is refused with 101/103 "already initialized": a real refusal by scorm-again.
      (api[version === '1.2' ? 'LMSInitialize' : 'Initialize'] as (a: string) => string)('');
      const code = String((api[version === '1.2' ? 'LMSGetLastError' : 'GetLastError'] as () => string)());
      const frame = await mountShell({ scorm: version, token: 'tok1', playerUrl: player, title: 'Demo' });
      const text = await until(
        () => shellText(frame).includes('refused') && shellText(frame),
        3000,
        'the message',
      );
      const lastError = String(
        (api[version === '1.2' ? 'LMSGetLastError' : 'GetLastError'] as () => string)(),
      );
      const errorString = (
        api[version === '1.2' ? 'LMSGetErrorString' : 'GetErrorString'] as (c: string) => string
      )(lastError);
      expect(code).to.equal('0');
      expect(errorString).to.not.equal('');
      expect(text).to.contain(errorString);
      expect(text).to.contain(`(error ${lastError})`);
      expect(frameHref(frame)).to.match(/^blob:/);
    });

    it('refuses an empty learner id', async () => {
      const api: HostApi = await installHostApi(version);
      void api;
      const frame = await mountShell({ scorm: version, token: 'tok1', playerUrl: player, title: 'Demo' });
      const text = await until(
        () => shellText(frame).includes('missing') && shellText(frame),
        3000,
        'the message',
      );
      expect(text).to.contain(`${idElement} is empty`);
      expect(frameHref(frame)).to.match(/^blob:/);
    });

    it("goes ahead when the LMS page's CSP forbids the reachability probe", async () => {
      await installHostApi(version, { id: 'u1', name: 'One, User' });
      const csp = `<meta http-equiv="Content-Security-Policy" content="connect-src 'none'">`;
      const frame = await mountShell(
        { scorm: version, token: 'tokC', playerUrl: player, title: 'Demo' },
        csp,
      );
      const href = await until(
        () => frameHref(frame).includes('/player/dispatch/') && frameHref(frame),
        5000,
        'the redirect',
      );
      expect(href).to.equal(`${player}player/dispatch/tokC?user_id=u1`);
    });

    it('says the player cannot be reached, and retries on request', async () => {
      await installHostApi(version, { id: 'u1', name: 'One, User' });
      const frame = await mountShell({
        scorm: version,
        token: 'tok1',
        playerUrl: unreachable,
        title: 'Demo',
      });
      await until(() => shellText(frame).includes('cannot be reached'), 5000, 'the message');
      const retry = frame.contentDocument!.querySelector('button')!;
      expect(retry.textContent).to.equal('Retry');
      retry.click();
      await until(() => shellText(frame).includes('Trying again'), 2000, 'the retry');
      await until(() => shellText(frame).includes('cannot be reached'), 5000, 'the message again');
      expect(frameHref(frame)).to.match(/^blob:/);
    });
  });
}
