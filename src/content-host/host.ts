// The content host page's entry (content-host.html, served from the content origin): registers the content
// origin's service worker, accepts the player's connect (connect.ts) and then runs one launch
// (host-session.ts) or, with `&role=store`, receives packages from the app (store-host.ts).
import { acceptConnect, expectedAppOrigin } from './connect.js';
import { HostSession } from './host-session.js';
import { StoreHost } from './store-host.js';

/**
 * Registers content-sw.js beside this page (it serves content/ and remote/; content-host.html has started
 * the same registration while this module loaded) and, for a launch, waits until
 * it is active. The store role only needs to know that the browser gives the content origin a worker here
 * (it refuses the registration itself to a third party): its transfer does not use the worker, and the
 * launch host that follows waits for the activation, if it has not happened by then.
 */
async function contentWorker(dbName: string | null, untilActive: boolean): Promise<void> {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (!container) throw new Error('Service workers are not available on the content origin.');
  const script = new URL('content-sw.js', location.href);
  if (dbName) script.searchParams.set('db', dbName);
  const registering = container.register(script, { type: 'module', scope: './', updateViaCache: 'none' });
  // This page is already served by an active worker (every visit after the first): no need to wait for
  // the update check; a new version takes over by itself.
  if (container.controller) {
    registering.catch((error: unknown) => console.error('content host:', error));
    return;
  }
  const registration = await registering;
  if (!untilActive) return;
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker || worker.state === 'activated') return;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant')
        reject(new Error('The content service worker failed to install.'));
    });
  });
}

async function main(): Promise<void> {
  const app = expectedAppOrigin(window);
  if (!app) {
    document.body.textContent = 'This page shows course content inside scorm-player only.';
    return;
  }
  const params = new URL(location.href).searchParams;
  // Listen before anything is awaited: the player connects on this page's load event.
  const connected = acceptConnect(window, app);
  const store = params.get('role') === 'store';
  const worker = contentWorker(params.get('db'), !store);
  // Awaited below, once the player has connected; a refusal that comes first is handled there, not unhandled.
  worker.catch(() => undefined);
  const port = await connected;
  let workerRuns = true;
  try {
    await worker;
  } catch (error) {
    // Browsers that block third-party storage refuse a worker to a content origin framed cross-site.
    workerRuns = false;
    console.warn('content host: no service worker here, content plays on the app origin:', error);
  }
  if (store) new StoreHost(port, params.get('db') ?? undefined).start(workerRuns);
  else new HostSession(window, port, document.body).start();
}

void main();
