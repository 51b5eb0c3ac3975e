// The content host's side of the protocol (src/content-host/host-session.ts), in Chromium: the API it puts
// on the window, the commits it sends and how the player's answers change what Commit returns, the
// navigation validity it answers from, and unload.
import { expect } from '@open-wc/testing';
import { HostSession, launchUrlAllowed } from '../../src/content-host/host-session.js';
import type { HostToPlayer, PlayerToHost } from '../../src/content-host/protocol.js';
import type { NavigationValidity } from '../../src/sequencing/navigator.js';

type Api2004 = Record<string, (a?: string, b?: string) => string>;

const validity: NavigationValidity = { continue: true, previous: false, choice: ['b'], jump: [] };

function setup() {
  const channel = new MessageChannel();
  const container = document.createElement('div');
  document.body.append(container);
  const session = new HostSession(window, channel.port2, container);
  const received: HostToPlayer[] = [];
  const waiters: (() => void)[] = [];
  channel.port1.onmessage = (event: MessageEvent) => {
    received.push(event.data as HostToPlayer);
    waiters.splice(0).forEach((w) => w());
  };
  const send = (message: PlayerToHost) => channel.port1.postMessage(message);
  const next = async (type: HostToPlayer['type']): Promise<HostToPlayer> => {
    for (;;) {
      const i = received.findIndex((m) => m.type === type);
      if (i >= 0) return received.splice(i, 1)[0]!;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { session, container, send, next, received, close: () => container.remove() };
}

const scoUrl = () => new URL('/test/content-host/no-such-sco.html', location.href).href;

describe('HostSession', () => {
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>).API_1484_11;
    delete (window as unknown as Record<string, unknown>).API;
  });

  it('says ready, then on launch puts the API on its window and frames the SCO with its title', async () => {
    const t = setup();
    t.session.start();
    await t.next('ready');
    t.send({
      type: 'launch',
      launch: { url: scoUrl(), title: 'Lesson 1', version: '2004', options: { learnerId: 'u1' }, validity },
    });
    const missing = await t.next('missing');
    expect(missing).to.include({ url: scoUrl() });
    const api = (window as unknown as Record<string, Api2004>).API_1484_11!;
    expect(api).to.exist;
    expect('API' in window).to.equal(false);
    expect(t.container.querySelector('iframe')?.title).to.equal('Lesson 1');
    expect(api['Initialize']!('')).to.equal('true');
    expect(api['GetValue']!('cmi.learner_id')).to.equal('u1');
    t.close();
  });

  it('sends each Commit, numbered, with the state to store', async () => {
    const t = setup();
    t.session.start();
    await t.next('ready');
    t.send({
      type: 'launch',
      launch: { url: scoUrl(), title: 'x', version: '2004', options: { learnerId: 'u1' } },
    });
    await t.next('missing');
    const api = (window as unknown as Record<string, Api2004>).API_1484_11!;
    api['Initialize']!('');
    api['SetValue']!('cmi.location', 'p2');
    expect(api['Commit']!('')).to.equal('true');
    const first = await t.next('commit');
    if (first.type !== 'commit') throw new Error('not a commit');
    expect(first.seq).to.equal(1);
    expect(first.state.location).to.equal('p2');
    expect(first.state.terminated).to.equal(false);
    t.send({ type: 'saved', seq: 1, ok: true });
    api['SetValue']!('cmi.location', 'p3');
    api['Commit']!('');
    const second = await t.next('commit');
    expect(second.type === 'commit' && second.seq).to.equal(2);
    t.close();
  });

  it('sends the uncommitted state after a burst of SetValue calls, once', async () => {
    const t = setup();
    t.session.start();
    await t.next('ready');
    t.send({
      type: 'launch',
      launch: { url: scoUrl(), title: 'x', version: '2004', options: { learnerId: 'u1' } },
    });
    await t.next('missing');
    const api = (window as unknown as Record<string, Api2004>).API_1484_11!;
    api['Initialize']!('');
    api['SetValue']!('cmi.location', 'a');
    api['SetValue']!('cmi.suspend_data', 'b');
    const state = await t.next('state');
    expect(state.type === 'state' && [state.state.location, state.state.suspendData]).to.deep.equal([
      'a',
      'b',
    ]);
    await new Promise((r) => setTimeout(r, 30));
    expect(t.received.filter((m) => m.type === 'state')).to.have.length(0);
    t.close();
  });

  it('answers adl.nav.request_valid from the validity it was last sent, and reports the request on Terminate', async () => {
    const t = setup();
    t.session.start();
    await t.next('ready');
    t.send({
      type: 'launch',
      launch: { url: scoUrl(), title: 'x', version: '2004', options: { learnerId: 'u1' }, validity },
    });
    await t.next('missing');
    const api = (window as unknown as Record<string, Api2004>).API_1484_11!;
    api['Initialize']!('');
    expect(api['GetValue']!('adl.nav.request_valid.continue')).to.equal('true');
    expect(api['GetValue']!('adl.nav.request_valid.previous')).to.equal('false');
    t.send({ type: 'navigation', validity: { ...validity, continue: false, previous: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(api['GetValue']!('adl.nav.request_valid.continue')).to.equal('false');
    expect(api['GetValue']!('adl.nav.request_valid.previous')).to.equal('true');
    api['SetValue']!('adl.nav.request', 'previous');
    expect(api['Terminate']!('')).to.equal('true');
    const commit = await t.next('commit');
    expect(commit.type === 'commit' && commit.state.terminated).to.equal(true);
    expect(await t.next('terminated')).to.deep.equal({ type: 'terminated', request: { type: 'previous' } });
    t.close();
  });

  it('on unload suspends and finishes a running SCO for it, removes its frame and answers unloaded', async () => {
    const t = setup();
    t.session.start();
    await t.next('ready');
    t.send({
      type: 'launch',
      launch: { url: scoUrl(), title: 'x', version: '1.2', options: { learnerId: 'u1' } },
    });
    await t.next('missing');
    const api = (window as unknown as Record<string, Api2004>).API!;
    api['LMSInitialize']!('');
    t.send({ type: 'unload', suspend: true });
    const commit = await t.next('commit');
    expect(commit.type === 'commit' && commit.state.exit).to.equal('suspend');
    const unloaded = await t.next('unloaded');
    expect(unloaded.type === 'unloaded' && unloaded.state?.terminated).to.equal(true);
    expect(t.received.some((m) => m.type === 'terminated')).to.equal(false);
    expect(t.container.querySelector('iframe')).to.equal(null);
    expect('API' in window).to.equal(false);
    t.close();
  });

  it('ignores messages that are not the protocol, and a second launch', async () => {
    const t = setup();
    t.session.start();
    await t.next('ready');
    (t.send as (m: unknown) => void)({ type: 'launch', launch: { url: 42 } });
    (t.send as (m: unknown) => void)({ type: 'saved', seq: 'x' });
    await new Promise((r) => setTimeout(r, 20));
    expect('API_1484_11' in window).to.equal(false);
    t.send({
      type: 'launch',
      launch: { url: scoUrl(), title: 'one', version: '2004', options: { learnerId: 'a' } },
    });
    t.send({
      type: 'launch',
      launch: { url: scoUrl(), title: 'two', version: '1.2', options: { learnerId: 'b' } },
    });
    await t.next('missing');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.container.querySelectorAll('iframe').length).to.equal(1);
    expect('API' in window).to.equal(false);
    t.close();
  });
});

describe('launchUrlAllowed', () => {
  it('allows http(s) on the host origin only', () => {
    expect(launchUrlAllowed('https://c.example/content/p/a.html', 'https://c.example')).to.equal(true);
    expect(launchUrlAllowed('https://app.example/content/p/a.html', 'https://c.example')).to.equal(false);
    expect(launchUrlAllowed('javascript:alert(1)', 'https://c.example')).to.equal(false);
    expect(launchUrlAllowed('data:text/html,x', 'https://c.example')).to.equal(false);
    expect(launchUrlAllowed('not a url', 'https://c.example')).to.equal(false);
  });
});
