// The lazily loaded views. Each loads with a dynamic import() the first time its route is shown, so the
// library view's first load carries none of them (budget: bench/app.bench.ts).
import type { Route } from './routes.js';

export type LazyView = Exclude<Route['view'], 'library' | 'unknown'>;

const loaders: Record<LazyView, () => Promise<unknown>> = {
  play: () => import('./play-view.js'),
  results: () => import('./results-view.js'),
  dispatch: () => import('./dispatch-view.js'),
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
