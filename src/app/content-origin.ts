// Content isolation as the app sets it up (architecture.md "Content isolation", config.json):
// - `config.json` beside index.html may name a `contentOrigin`; read once at startup;
// - with one, courses play through the hosted launcher (src/player/hosted-content.ts): an imported package's
//   files are transferred to the content origin's own database (once per package version) while the player
//   starts, its launches waiting for them, and URL courses are served through the content origin's service
//   worker (`remote/…`);
// - one hidden store host page on the content origin per page (opened by the isolation check, reused by the
//   transfer that follows, closed when idle) receives the files (src/content-host/store-host.ts).
// - without one, content runs on the app's origin, and the library says so.
import { HostedContentLauncher } from '../player/hosted-content.js';
import { CONTENT_SANDBOX } from '../player/scorm-stage.js';
import { contentBaseUrl, remoteContentUrl } from '../serve/content-url.js';
import { CONTENT_HOST_PROTOCOL } from '../content-host/protocol.js';
import { isStoreToApp, type AppToStore, type StoreToApp } from '../content-host/store-protocol.js';
import type { PlayerDatabase, StoredPackage } from '../storage/db.js';
import { appConfig } from './app-config.js';
import type { OpenedCourse } from './course-opener.js';

export interface ContentIsolation {
  /** The build's folder on the content origin (ends with '/'). */
  contentBase: string;
  launcher: HostedContentLauncher;
}

let isolation: Promise<ContentIsolation | undefined> | undefined;

/**
 * The isolation to play with, or undefined when content runs on the app's origin: no content origin is
 * configured, or the browser refuses it storage and a service worker here (a content origin framed
 * cross-site, as in a host LMS, where third-party storage is blocked). Checked once per page.
 */
export function contentIsolation(): Promise<ContentIsolation | undefined> {
  isolation ??= (async () => {
    const { contentBase } = await appConfig();
    if (!contentBase) return undefined;
    const launcher = new HostedContentLauncher({ contentBase });
    // The connection stays open a while: the transfer of the package about to be played reuses it.
    const worker = await withStoreHost(launcher, async (store) => store.worker);
    if (!worker) {
      console.warn(
        `scorm-player: the content origin ${launcher.contentOrigin} cannot keep files in this browser here ` +
          '(third-party storage is blocked); content runs on this origin.',
      );
      return undefined;
    }
    return { contentBase, launcher };
  })();
  return isolation;
}

/** A course as it plays under isolation: its files on the content origin. */
export async function isolateCourse(
  db: PlayerDatabase | undefined,
  course: OpenedCourse,
  isolation: ContentIsolation,
): Promise<OpenedCourse> {
  if (course.packageId !== undefined && db) {
    const pkg = await db.get('packages', course.packageId);
    if (!pkg) throw new Error('This course is not in the library any more.');
    const contentBase = contentBaseUrl(isolation.contentBase, pkg.id);
    // The transfer runs while the player renders and loads the content host; launches wait for it.
    isolation.launcher.prepare(contentBase, transferPackage(db, pkg, isolation.launcher));
    return { ...course, contentBase };
  }
  return { ...course, contentBase: remoteContentUrl(isolation.contentBase, course.contentBase) };
}

/** What identifies a version of a package's files on the content origin. */
export function packageVersionKey(pkg: StoredPackage): string {
  return `${pkg.manifestHash}:${pkg.fileCount}:${pkg.size}`;
}

/** This page's transfers, by content origin, package and version: done (or under way) once per page. */
const transfers = new Map<string, Promise<void>>();

/** A request to the store host, before it is numbered. */
type StoreRequest = AppToStore extends infer T ? (T extends AppToStore ? Omit<T, 'id'> : never) : never;

interface StoreHostConnection {
  /** Whether the content origin's service worker runs there. */
  worker: boolean;
  /** Sends a request; rejects when the host fails it or does not answer within `timeout` ms. */
  ask(request: StoreRequest, timeout?: number): Promise<boolean>;
  close(): void;
}

/** How long the store host waits for use before its frame goes (a launch right after another reuses it). */
const STORE_IDLE_MS = 20_000;
/** How long to wait for the store host to connect, and for an answer to a request. */
const STORE_TIMEOUT_MS = 15_000;

/** The store host of this page, per host URL: opened once, shared by the isolation check and transfers. */
const storeHosts = new Map<string, StoreHostEntry>();

interface StoreHostEntry {
  connection: Promise<StoreHostConnection>;
  /** Uses in progress: the frame goes only once none is left. */
  users: number;
  idle?: ReturnType<typeof setTimeout>;
}

/**
 * Runs `use` with this page's connection to the store host, opening it (one page load on the content
 * origin, with its service worker's registration) only when none is open: the isolation check and the
 * transfer that follows it share one. The frame goes after STORE_IDLE_MS without use, or at once when the
 * connection failed.
 */
async function withStoreHost<T>(
  launcher: HostedContentLauncher,
  use: (store: StoreHostConnection) => Promise<T>,
): Promise<T> {
  const url = launcher.hostUrl('store');
  let entry = storeHosts.get(url);
  if (!entry) {
    entry = { connection: openStoreHost(launcher), users: 0 };
    storeHosts.set(url, entry);
  }
  const current = entry;
  clearTimeout(current.idle);
  current.users++;
  const drop = (store?: StoreHostConnection): void => {
    if (storeHosts.get(url) === current) storeHosts.delete(url);
    store?.close();
  };
  let store: StoreHostConnection | undefined;
  try {
    store = await current.connection;
    return await use(store);
  } catch (error) {
    // A host that failed or did not answer is not asked again: the next use opens a fresh one.
    drop(store);
    throw error;
  } finally {
    if (--current.users === 0 && storeHosts.get(url) === current)
      current.idle = setTimeout(() => drop(store), STORE_IDLE_MS);
  }
}

/** A hidden, sandboxed content host in its store role, connected (src/content-host/store-protocol.ts). */
async function openStoreHost(
  launcher: HostedContentLauncher,
  timeout = STORE_TIMEOUT_MS,
): Promise<StoreHostConnection> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', CONTENT_SANDBOX);
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  const channel = new MessageChannel();
  const port = channel.port1;
  let nextId = 0;
  const waiting = new Map<number, (reply: StoreToApp) => void>();
  let ready: (worker: boolean) => void = () => undefined;
  const isReady = new Promise<boolean>((resolve) => (ready = resolve));
  port.onmessage = (event: MessageEvent) => {
    const reply = event.data as unknown;
    if (!isStoreToApp(reply)) return;
    if (reply.type === 'ready') ready(reply.worker);
    else waiting.get(reply.id)?.(reply);
  };
  const noAnswer = (ms: number): { promise: Promise<never>; stop(): void } => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const promise = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The content origin (${launcher.contentOrigin}) did not answer.`)),
        ms,
      );
    });
    return { promise, stop: () => clearTimeout(timer) };
  };
  const close = (): void => {
    port.close();
    frame.remove();
  };
  frame.addEventListener(
    'load',
    () =>
      frame.contentWindow?.postMessage(
        { protocol: CONTENT_HOST_PROTOCOL, type: 'connect' },
        launcher.contentOrigin,
        [channel.port2],
      ),
    { once: true },
  );
  frame.src = launcher.hostUrl('store');
  document.body.append(frame);
  const connecting = noAnswer(timeout);
  try {
    const worker = await Promise.race([isReady, connecting.promise]);
    const ask = async (request: StoreRequest, ms = timeout): Promise<boolean> => {
      const id = ++nextId;
      const answer = new Promise<boolean>((resolve, reject) => {
        waiting.set(id, (reply) =>
          reply.type === 'done'
            ? resolve(reply.present)
            : reject(new Error(reply.type === 'failed' ? reply.message : 'unexpected answer')),
        );
        port.postMessage({ ...request, id } as AppToStore);
      });
      const late = noAnswer(ms);
      try {
        return await Promise.race([answer, late.promise]);
      } finally {
        late.stop();
        waiting.delete(id);
      }
    };
    return { worker, ask, close };
  } catch (error) {
    close();
    throw error;
  } finally {
    connecting.stop();
  }
}

/** Time allowed for the content origin to store a package: its database writes every byte once. */
function putTimeout(bytes: number): number {
  return STORE_TIMEOUT_MS + bytes / 10_000; // 10 MB/s at the least, beyond the usual answer time
}

/**
 * Puts a package's files on the content origin, once per package version, through the store host.
 */
export function transferPackage(
  db: PlayerDatabase,
  pkg: StoredPackage,
  launcher: HostedContentLauncher,
): Promise<void> {
  const version = packageVersionKey(pkg);
  const key = `${launcher.contentOrigin} ${pkg.id} ${version}`;
  let transfer = transfers.get(key);
  if (!transfer) {
    transfer = transferFiles(db, pkg, version, launcher);
    transfers.set(key, transfer);
    // A failed transfer is tried again by the next opening.
    transfer.catch(() => transfers.delete(key));
  }
  return transfer;
}

async function transferFiles(
  db: PlayerDatabase,
  pkg: StoredPackage,
  version: string,
  launcher: HostedContentLauncher,
): Promise<void> {
  // The file records are read while the content origin is asked: they hold Blobs, whose bytes are neither
  // read nor copied on this side (they travel by reference, structured clone), so reading them for nothing
  // costs little.
  const reading = import('../storage/package-store.js').then(({ packageFilesRange }) =>
    db.getAll('files', packageFilesRange(pkg.id)),
  );
  reading.catch(() => undefined); // awaited below, unless the content origin has the package already
  await withStoreHost(launcher, async (store) => {
    // `has` answers true only for a complete copy of this version (content-store.ts): a transfer cut off
    // midway left nothing, and is done again here.
    if (await store.ask({ type: 'has', packageId: pkg.id, version })) return;
    const files = (await reading).map((f) => ({ path: f.path, blob: f.blob, type: f.type }));
    const put = { type: 'put', packageId: pkg.id, version, files } as const;
    if (!(await store.ask(put, putTimeout(pkg.size))))
      throw new Error('The course files could not be stored on the content origin.');
  });
}
