/// <reference lib="webworker" />
// The service worker: serves imported package files from IndexedDB under `<scope>content/<id>/<path>`
// on the player's origin, and keeps the app shell available offline (strategy in shell-cache.ts).
//
// Updates: a new version takes over at once only when no content is open in any window (no client URL
// under `<scope>content/`); otherwise it waits, and takes over on the next load once the old pages are
// closed, or when the app posts { type: 'skip-waiting' } (applyServiceWorkerUpdate) at a safe moment.
// A SCO mid-session thus never has its files served by two versions.
//
// `?isolated=1` (a content origin is configured): package files are not served on this origin at all.
// The database is 'scorm-player' unless the script URL names another with `?db=` (tests use fresh ones).
import { DB_NAME, openPlayerDb, type PlayerDatabase } from '../storage/db.js';
import { findFile } from '../storage/package-store.js';
import { fileResponse, textResponse } from './content-response.js';
import { CONTENT_SEGMENT, parseContentUrl } from './content-url.js';
import { precacheShell, pruneShell, shellResponse } from './shell-cache.js';

const sw = self as unknown as ServiceWorkerGlobalScope;
const dbName = new URL(sw.location.href).searchParams.get('db') || DB_NAME;
// With a content origin, package files are served there only (content-sw.ts): content that opens
// `<app>/content/<id>/…` in a window must not run on the app's origin.
const isolated = new URL(sw.location.href).searchParams.get('isolated') === '1';
const scope = (): string => sw.registration.scope;

let database: Promise<PlayerDatabase> | undefined;

/** One connection, reopened after it closes (another context deleting or upgrading the database). */
function openDatabase(): Promise<PlayerDatabase> {
  database ??= openPlayerDb(dbName).then((db) => {
    db.addEventListener('versionchange', () => {
      db.close();
      database = undefined;
    });
    db.addEventListener('close', () => {
      database = undefined;
    });
    return db;
  });
  database.catch(() => {
    database = undefined;
  });
  return database;
}

async function serveContent(
  request: Request,
  packageId: string,
  path: string | undefined,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  if (!path) return textResponse(404, `Not found: give a file path inside package '${packageId}'.`);
  const db = await openDatabase();
  const file = await findFile(db, packageId, path);
  if (!file) return textResponse(404, `Not found: '${path}' is not in package '${packageId}'.`);
  return fileResponse(file, request);
}

/** Whether any window (or frame) shows package content right now. */
async function contentOpen(): Promise<boolean> {
  const prefix = new URL(CONTENT_SEGMENT, scope()).href;
  const clients = await sw.clients.matchAll({ includeUncontrolled: true, type: 'window' });
  return clients.some((c) => c.url.startsWith(prefix));
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await precacheShell(scope());
      if (!(await contentOpen())) await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  // Only the current build's shell stays: the assets of earlier builds go now (shell-cache.ts).
  event.waitUntil(Promise.all([sw.clients.claim(), pruneShell(scope()).catch(() => [])]));
});

sw.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === 'skip-waiting') event.waitUntil(sw.skipWaiting());
  else if (type === 'claim') event.waitUntil(sw.clients.claim());
});

sw.addEventListener('fetch', (event) => {
  const content = parseContentUrl(new URL(event.request.url), scope());
  if (content && isolated) {
    event.respondWith(textResponse(404, 'Course content is served from the content origin only.'));
    return;
  }
  if (content) {
    event.respondWith(
      serveContent(event.request, content.packageId, content.path).catch((error: unknown) =>
        textResponse(500, `Could not read the package from IndexedDB: ${String(error)}`),
      ),
    );
    return;
  }
  const shell = shellResponse(event.request, scope());
  if (shell) event.respondWith(shell);
});
