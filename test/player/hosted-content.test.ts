// The hosted launcher (src/player/hosted-content.ts) with the real content host page (content-host.html,
// src/content-host/host.ts) in a stage, in Chromium. The test server is one origin, so the "content origin"
// is this one: what is checked is the protocol between them, not the isolation (test/e2e/isolation.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import type { AttemptState } from '../../src/runtime/types.js';
import type { ContentEvents, SaveTicket } from '../../src/player/content-session.js';
import { HostedContentLauncher, hostedUrlAllowed } from '../../src/player/hosted-content.js';
import { CONTENT_SANDBOX, type ScormStage } from '../../src/player/scorm-stage.js';
import '../../src/player/scorm-stage.js';

function recorder() {
  const commits: AttemptState[] = [];
  const ended: unknown[] = [];
  const missing: string[] = [];
  let onCommit: () => void = () => undefined;
  const events: ContentEvents = {
    commit(state): SaveTicket {
      commits.push(state);
      onCommit();
      return { refusal: undefined, stored: Promise.resolve({ ok: true }) };
    },
    change: () => undefined,
    ended: (request) => ended.push(request),
    missing: (url, message) => missing.push(`${message} ${url}`),
  };
  const nextCommit = () => new Promise<void>((resolve) => (onCommit = resolve));
  return { events, commits, ended, missing, nextCommit };
}

const launch = (url: string) => ({
  itemId: 'sco-1',
  url,
  title: 'Lesson one',
  version: '2004' as const,
  scormType: 'sco' as const,
  options: { learnerId: 'u1' },
  validity: { continue: true, previous: false, choice: [], jump: [] },
});

describe('HostedContentLauncher', () => {
  const base = new URL('/', location.href).href;

  it('loads the content host sandboxed in the stage, titled by the item, and relays the commits of the SCO', async () => {
    const stage = await fixture<ScormStage>(html`<scorm-stage></scorm-stage>`);
    const r = recorder();
    const committed = r.nextCommit();
    const launcher = new HostedContentLauncher({ contentBase: base, timeout: 15000 });
    const session = launcher.launch(
      stage,
      launch(new URL('/test/content-host/fixtures/sco.html', base).href),
      r.events,
    );
    const frame = stage.iframe!;
    expect(frame.title).to.equal('Lesson one');
    expect(frame.getAttribute('sandbox')).to.equal(CONTENT_SANDBOX);
    expect(frame.src).to.contain('content-host.html?app=');
    await committed;
    expect(r.commits[0]!.location).to.equal('fixture-page-2');
    expect(r.commits[0]!.completionStatus).to.equal('completed');
    // The SCO's document is the single iframe inside the host (the page contract).
    const inner = frame.contentDocument!.querySelectorAll('iframe');
    expect(inner.length).to.equal(1);
    expect(inner[0]!.title).to.equal('Lesson one');
    // Leaving finishes the session on the SCO's behalf: a terminating commit, then the frame is gone.
    await session.leave({ suspend: true });
    const last = r.commits.at(-1)!;
    expect(last.terminated).to.equal(true);
    expect(last.exit).to.equal('suspend');
    expect(r.ended).to.deep.equal([]);
    expect(stage.iframe).to.equal(undefined);
  });

  it('launches the SCO only once the files prepared for its package are there', async () => {
    const stage = await fixture<ScormStage>(html`<scorm-stage></scorm-stage>`);
    const r = recorder();
    const launcher = new HostedContentLauncher({ contentBase: base, timeout: 15000 });
    let transferred: () => void = () => undefined;
    launcher.prepare(
      new URL('/test/content-host/fixtures/', base).href,
      new Promise<void>((resolve) => (transferred = resolve)),
    );
    const committed = r.nextCommit();
    const session = launcher.launch(
      stage,
      launch(new URL('/test/content-host/fixtures/sco.html', base).href),
      r.events,
    );
    const frame = stage.iframe!;
    // The host page loads and connects meanwhile, but frames no SCO while the transfer runs.
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(frame.contentDocument!.querySelectorAll('iframe').length).to.equal(0);
    expect(r.commits).to.deep.equal([]);
    // A launch outside the prepared folder does not wait for it.
    let other = false;
    void launcher.readiness(`${base}other/a.html`).then(() => (other = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(other).to.equal(true);
    transferred();
    await committed;
    expect(r.commits[0]!.location).to.equal('fixture-page-2');
    await session.leave({ suspend: true });
  });

  it('shows a failed transfer in the stage and reports the SCO missing, framing nothing', async () => {
    const stage = await fixture<ScormStage>(html`<scorm-stage></scorm-stage>`);
    const r = recorder();
    const launcher = new HostedContentLauncher({ contentBase: base, timeout: 15000 });
    launcher.prepare(
      new URL('/test/content-host/fixtures/', base).href,
      Promise.reject(new Error('The course files could not be stored on the content origin.')),
    );
    const url = new URL('/test/content-host/fixtures/sco.html', base).href;
    launcher.launch(stage, launch(url), r.events);
    const frame = stage.iframe!;
    while (r.missing.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.missing).to.deep.equal([`The course files could not be stored on the content origin. ${url}`]);
    expect(stage.status).to.equal('error');
    expect(frame.contentDocument?.querySelectorAll('iframe').length ?? 0).to.equal(0);
    expect(r.commits).to.deep.equal([]);
  });

  it('refuses a launch URL that is not http(s) on the content origin, before loading anything', async () => {
    const stage = await fixture<ScormStage>(html`<scorm-stage></scorm-stage>`);
    const r = recorder();
    const launcher = new HostedContentLauncher({ contentBase: base });
    launcher.launch(stage, launch('javascript:alert(1)'), r.events);
    expect(stage.iframe).to.equal(undefined);
    expect(stage.status).to.equal('error');
    expect(r.missing).to.have.length(1);
    expect(hostedUrlAllowed('https://other.example/a.html', new URL(base).origin)).to.equal(false);
  });
});
