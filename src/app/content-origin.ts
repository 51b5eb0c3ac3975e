// Content isolation as the app sets it up (architecture.md "Content isolation", config.json):
// - `config.json` beside index.html may name a `contentOrigin`; read once at startup;
// - with one, courses play through the hosted launcher (src/player/hosted-content.ts): an imported package's
//   files are first transferred to the content origin's own database (once per package version), and URL
//   courses are served through the content origin's service worker (`remote/…`);
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
    const store = await openStoreHost(launcher);
    store.close();
    if (!store.worker) {
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
    await transferPackage(db, pkg, isolation.launcher);
    return { ...course, contentBase: contentBaseUrl(isolation.contentBase, pkg.id) };
  }
  return { ...course, contentBase: remoteContentUrl(isolation.contentBase, course.contentBase) };
}

/** What identifies a version of a package's files on the content origin. */
export function packageVersionKey(pkg: StoredPackage): string {
  return `${pkg.manifestHash}:${pkg.fileCount}:${pkg.size}`;
}

const transferred = new Set<string>();

/** A request to the store host, before it is numbered. */
type StoreRequest = AppToStore extends infer T ? (T extends AppToStore ? Omit<T, 'id'> : never) : never;

interface StoreHostConnection {
  /** Whether the content origin's service worker runs there. */
  worker: boolean;
  ask(request: StoreRequest): Promise<boolean>;
  close(): void;
}

/** A hidden, sandboxed content host in its store role, connected (src/content-host/store-protocol.ts). */
async function openStoreHost(launcher: HostedContentLauncher, timeout = 15000): Promise<StoreHostConnection> {
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The content origin (${launcher.contentOrigin}) did not answer.`)),
      timeout,
    );
  });
  const close = (): void => {
    clearTimeout(timer);
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
  try {
    const worker = await Promise.race([isReady, timedOut]);
    const ask = (request: StoreRequest): Promise<boolean> => {
      const id = ++nextId;
      const answer = new Promise<boolean>((resolve, reject) => {
        waiting.set(id, (reply) =>
          reply.type === 'done'
            ? resolve(reply.present)
            : reject(new Error(reply.type === 'failed' ? reply.message : 'unexpected answer')),
        );
        port.postMessage({ ...request, id } as AppToStore);
      });
      return Promise.race([answer, timedOut]);
    };
    return { worker, ask, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Puts a package's files on the content origin, once per package version, through the store host.
 */
export async function transferPackage(
  db: PlayerDatabase,
  pkg: StoredPackage,
  launcher: HostedContentLauncher,
): Promise<void> {
  const version = packageVersionKey(pkg);
  const key = `${launcher.contentOrigin} ${pkg.id} ${version}`;
  if (transferred.has(key)) return;
  const store = await openStoreHost(launcher);
  try {
    if (!(await store.ask({ type: 'has', packageId: pkg.id, version }))) {
      const { packageFilesRange } = await import('../storage/package-store.js');
      const stored = await db.getAll('files', packageFilesRange(pkg.id));
      const files = stored.map((f) => ({ path: f.path, blob: f.blob, type: f.type }));
      if (!(await store.ask({ type: 'put', packageId: pkg.id, version, files })))
        throw new Error('The course files could not be stored on the content origin.');
    }
    transferred.add(key);
  } finally {
    store.close();
  }
}
