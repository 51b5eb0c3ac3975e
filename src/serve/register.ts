// Registering the service worker from the app, and applying an update at a safe moment.

export interface RegisterOptions {
  /** The worker script. Default: `sw.js` beside the app's index page (document.baseURI). */
  url?: string | URL;
  /** The registration scope. Default: the script's folder. */
  scope?: string;
  /**
   * Content runs on a content origin (architecture.md "Content isolation"): the worker then never serves
   * package files on the app's origin, where content opened in a window would run with the app's rights.
   */
  isolated?: boolean;
}

/** Resolves with the worker once it is activated; rejects if its installation fails. */
function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker) return Promise.reject(new Error('The service worker registration has no worker.'));
  if (worker.state === 'activated') return Promise.resolve(worker);
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', function onChange() {
      if (worker.state === 'activated') resolve(worker);
      else if (worker.state === 'redundant') reject(new Error('The service worker failed to install.'));
      else return;
      worker.removeEventListener('statechange', onChange);
    });
  });
}

/**
 * Registers the service worker (an ES module) and waits until it controls this page, so that content URLs
 * (see contentBaseUrl) work at once. A page outside the scope only waits for activation.
 *
 * `isolated`: resolves as soon as the worker is registered. Content is served by the content origin's own
 * worker then, so nothing on this page waits for this one: it installs in the background (precaching the
 * app shell for offline use, shell-cache.ts, which takes hundreds of ms on a first visit) and claims the
 * page when it activates.
 */
export async function registerServiceWorker(
  options: RegisterOptions = {},
): Promise<ServiceWorkerRegistration> {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (!container)
    throw new Error(
      'Service workers are not available here: the player needs a secure context (https or localhost).',
    );
  const url = new URL(options.url ?? new URL('sw.js', document.baseURI), document.baseURI);
  if (options.isolated) url.searchParams.set('isolated', '1');
  const registration = await container.register(url, {
    type: 'module',
    updateViaCache: 'none',
    ...(options.scope === undefined ? {} : { scope: options.scope }),
  });
  if (options.isolated) {
    // An installation that fails is reported, not thrown: it only costs the offline shell.
    activated(registration).catch((error: unknown) => console.warn('scorm-player:', error));
    return registration;
  }
  if (!location.href.startsWith(registration.scope)) {
    await activated(registration);
    return registration;
  }
  if (container.controller) return registration;
  const controlled = new Promise<void>((resolve) =>
    container.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
  // A first install claims its pages on activation; after a forced reload (which bypasses the worker)
  // the active worker is asked to claim this page.
  const worker = await activated(registration);
  if (!container.controller) worker.postMessage({ type: 'claim' });
  await controlled;
  return registration;
}

/**
 * Lets a waiting new version take over now. Call it when no content is open (the library view): the
 * service worker itself only takes over early when no content window exists.
 */
export async function applyServiceWorkerUpdate(registration: ServiceWorkerRegistration): Promise<boolean> {
  const waiting = registration.waiting;
  if (!waiting) return false;
  waiting.postMessage({ type: 'skip-waiting' });
  await activated(registration);
  return true;
}
