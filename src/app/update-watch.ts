// Tells the app when a new version of it has been deployed, so it can say "Update available — reload"
// instead of running the old code until the learner happens to reload. The service worker installs a new
// version when sw.js changes (every build: scripts/shell-build-assets.ts); it then either takes over at once
// (no content open: the page's controller changes under it) or waits (content open). Either way this page
// still runs the old build.

/** Calls `onUpdate` once a newer worker than the one this page started with is installed or in control. */
export function watchForUpdates(onUpdate: () => void): () => void {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (!container) return () => undefined;
  let controller = container.controller;
  let told = false;
  const tell = () => {
    if (!told) onUpdate();
    told = true;
  };
  const onControllerChange = () => {
    // The first install claiming this page is no update; a controller replacing another one is.
    if (controller) tell();
    controller = container.controller;
  };
  container.addEventListener('controllerchange', onControllerChange);
  let registration: ServiceWorkerRegistration | undefined;
  const onUpdateFound = () => {
    const worker = registration?.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && container.controller) tell();
    });
  };
  // A frame of another site (a host LMS) may be refused service workers: then there is nothing to watch.
  void container.getRegistration().then(
    (found) => {
      if (!found) return;
      registration = found;
      if (found.waiting && container.controller) tell();
      found.addEventListener('updatefound', onUpdateFound);
      // Ask now: browsers check on navigations, but a single-page app may stay open for days.
      found.update().catch(() => undefined);
    },
    () => undefined,
  );
  return () => {
    container.removeEventListener('controllerchange', onControllerChange);
    registration?.removeEventListener('updatefound', onUpdateFound);
  };
}

/** Reloads into the new version: a waiting worker is let in first, so the reload is served by it. */
export async function reloadIntoUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (registration?.waiting) {
    const { applyServiceWorkerUpdate } = await import('../serve/register.js');
    await applyServiceWorkerUpdate(registration);
  }
  location.reload();
}
