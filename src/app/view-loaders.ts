// The lazily loaded views. Each loads with a dynamic import() the first time its route is shown, so the
// library view's first load carries none of them (budget: bench/app.bench.ts).
import type { Route } from './routes.js';

export type LazyView = Exclude<Route['view'], 'library' | 'unknown'>;

/**
 * Views that play content start the content origin's check (a page load there: src/app/content-origin.ts)
 * with their module, rather than once they have their database and learner: it is on the way to the first
 * launch. Its outcome (or failure) is read by the view, from the same promise.
 */
function withContentIsolation(view: () => Promise<unknown>): () => Promise<unknown> {
  return () => {
    void import('./content-origin.js')
      .then(({ contentIsolation }) => contentIsolation())
      .catch(() => undefined);
    return view();
  };
}

const loaders: Record<LazyView, () => Promise<unknown>> = {
  play: withContentIsolation(() => import('./play-view.js')),
  results: () => import('./results-view.js'),
  dispatch: withContentIsolation(() => import('./dispatch-view.js')),
  'dispatch-maker': () => import('./dispatch-maker.js'),
};

const loaded = new Map<LazyView, Promise<unknown>>();

/** Loads a view's module once; later calls share the same promise. */
export function loadView(view: LazyView): Promise<unknown> {
  let promise = loaded.get(view);
  if (!promise) {
    promise = loaders[view]();
    // A failed load (offline, a new deployment) may be retried by the next visit to the route.
    promise.catch(() => loaded.delete(view));
    loaded.set(view, promise);
  }
  return promise;
}
