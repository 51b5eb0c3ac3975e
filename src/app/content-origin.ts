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

/** The isolation to play with, or undefined when content runs on the app's origin. */
export async function contentIsolation(): Promise<ContentIsolation | undefined> {
  const { contentBase } = await appConfig();
  if (!contentBase) return undefined;
  return { contentBase, launcher: new HostedContentLauncher({ contentBase }) };
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

/**
 * Puts a package's files on the content origin, once per package version: a hidden, sandboxed content
 * host in its store role receives them over a MessageChannel (src/content-host/store-protocol.ts).
 */
export async function transferPackage(
  db: PlayerDatabase,
  pkg: StoredPackage,
  launcher: HostedContentLauncher,
  timeout = 15000,
): Promise<void> {
  const version = packageVersionKey(pkg);
  const key = `${launcher.contentOrigin} ${pkg.id} ${version}`;
  if (transferred.has(key)) return;
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', CONTENT_SANDBOX);
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  const channel = new MessageChannel();
  const port = channel.port1;
  let nextId = 0;
  const waiting = new Map<number, (reply: StoreToApp) => void>();
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  port.onmessage = (event: MessageEvent) => {
    const reply = event.data as unknown;
    if (!isStoreToApp(reply)) return;
    if (reply.type === 'ready') ready();
    else waiting.get(reply.id)?.(reply);
  };
  const ask = (request: Omit<AppToStore, 'id'>): Promise<boolean> => {
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      waiting.set(id, (reply) =>
        reply.type === 'done'
          ? resolve(reply.present)
          : reject(new Error(reply.type === 'failed' ? reply.message : 'unexpected answer')),
      );
      port.postMessage({ ...request, id } as AppToStore);
    });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The content origin (${launcher.contentOrigin}) did not answer.`)),
      timeout,
    );
  });
  try {
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
    await Promise.race([isReady, timedOut]);
    const has = { type: 'has', packageId: pkg.id, version } as const;
    if (!(await Promise.race([ask(has), timedOut]))) {
      const { packageFilesRange } = await import('../storage/package-store.js');
      const stored = await db.getAll('files', packageFilesRange(pkg.id));
      const files = stored.map((f) => ({ path: f.path, blob: f.blob, type: f.type }));
      const put = { type: 'put', packageId: pkg.id, version, files } as const;
      if (!(await Promise.race([ask(put), timedOut])))
        throw new Error('The course files could not be stored on the content origin.');
    }
    transferred.add(key);
  } finally {
    clearTimeout(timer);
    port.close();
    frame.remove();
  }
}
