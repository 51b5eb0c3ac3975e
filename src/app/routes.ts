// The app's URLs (architecture.md, "The app's URLs"). Every view has a URL, and the query-string forms work
// on any static host: nothing but index.html has to be served.
//
//   ?view=library (default)          the library of imported courses
//   ?course=<url>[&learner=][&item=] plays a course from a URL (a folder, its imsmanifest.xml or a .zip)
//   ?package=<id>[&learner=][&item=] plays an imported package
//   ?view=results[&course=<key|url>][&learner=]   the results view
//   ?dispatch=<token>&user_id=<id>   a dispatch launch (also the path form /player/dispatch/<token>?user_id=)
//   ?view=dispatch-maker             the dispatch maker

export type Route =
  | { view: 'library' }
  | { view: 'play'; source: CourseSource; learner?: string; item?: string }
  | { view: 'results'; course?: string; learner?: string }
  | { view: 'dispatch'; token: string; userId?: string }
  | { view: 'dispatch-maker' }
  | { view: 'unknown'; name: string };

export type CourseSource = { kind: 'url'; url: string } | { kind: 'package'; id: string };

const DISPATCH_PATH = /\/player\/dispatch\/([^/]+)\/?$/;

/** Reads the route from a location (or any URL). */
export function parseRoute(location: URL | Location): Route {
  const params = new URLSearchParams(location.search);
  const get = (name: string): string | undefined => params.get(name) || undefined;

  const pathToken = DISPATCH_PATH.exec(location.pathname)?.[1];
  if (pathToken !== undefined) {
    return withOptional(
      { view: 'dispatch', token: decodeURIComponent(pathToken) },
      { userId: get('user_id') },
    );
  }
  const token = get('dispatch');
  if (token !== undefined) return withOptional({ view: 'dispatch', token }, { userId: get('user_id') });

  const extras = { learner: get('learner'), item: get('item') };
  const view = get('view');
  const course = get('course');
  const pkg = get('package');
  if (view === undefined || view === 'play') {
    if (course !== undefined)
      return withOptional({ view: 'play', source: { kind: 'url', url: course } }, extras);
    if (pkg !== undefined)
      return withOptional({ view: 'play', source: { kind: 'package', id: pkg } }, extras);
  }
  switch (view ?? 'library') {
    case 'library':
    case 'play':
      return { view: 'library' };
    case 'results':
      return withOptional({ view: 'results' }, { course, learner: extras.learner });
    case 'dispatch-maker':
      return { view: 'dispatch-maker' };
    default:
      return { view: 'unknown', name: view ?? '' };
  }
}

/** The query string (with its leading '?') of a route; relative, so it works from any folder. */
export function routeHref(route: Route): string {
  const params = new URLSearchParams();
  switch (route.view) {
    case 'library':
      return '?view=library';
    case 'play':
      if (route.source.kind === 'url') params.set('course', route.source.url);
      else params.set('package', route.source.id);
      if (route.learner !== undefined) params.set('learner', route.learner);
      if (route.item !== undefined) params.set('item', route.item);
      break;
    case 'results':
      params.set('view', 'results');
      if (route.course !== undefined) params.set('course', route.course);
      if (route.learner !== undefined) params.set('learner', route.learner);
      break;
    case 'dispatch':
      params.set('dispatch', route.token);
      if (route.userId !== undefined) params.set('user_id', route.userId);
      break;
    case 'dispatch-maker':
      params.set('view', 'dispatch-maker');
      break;
    case 'unknown':
      params.set('view', route.name);
      break;
  }
  return '?' + params.toString();
}

/** Copies the defined values of `extra` onto `base` (keeps optional fields absent rather than undefined). */
function withOptional<T extends object, E extends Record<string, string | undefined>>(base: T, extra: E): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as T;
}
