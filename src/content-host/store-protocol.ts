// The store role of the content host page: how the app puts an imported package's files on the content
// origin. Separate from protocol.ts because it carries Blobs (protocol.ts stays DOM-free).
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// The store role (`content-host.html?app=<origin>&role=store`): the app puts an imported package's files
// on the content origin (its own IndexedDB, served by its own service worker), once per package version.
// Connected exactly like a launch; the host answers `ready` once its service worker is registered (the
// launch host waits for it to be active).
// ---------------------------------------------------------------------------------------------------------

export interface TransferFile {
  path: string;
  blob: Blob;
  type: string;
}

/** App → store host. `id` numbers the request for its answer. */
export type AppToStore =
  | { type: 'has'; id: number; packageId: string; version: string }
  | { type: 'put'; id: number; packageId: string; version: string; files: TransferFile[] };

/** Store host → app. */
export type StoreToApp =
  /** `worker`: whether the content origin's service worker runs (browsers refuse it to a third party). */
  | { type: 'ready'; worker: boolean }
  | { type: 'done'; id: number; present: boolean }
  | { type: 'failed'; id: number; message: string };

function isTransferFile(value: unknown): value is TransferFile {
  return (
    isRecord(value) &&
    typeof value.path === 'string' &&
    typeof value.type === 'string' &&
    value.blob instanceof Blob
  );
}

export function isAppToStore(value: unknown): value is AppToStore {
  if (!isRecord(value) || typeof value.id !== 'number') return false;
  if (typeof value.packageId !== 'string' || typeof value.version !== 'string') return false;
  if (value.type === 'has') return true;
  return value.type === 'put' && Array.isArray(value.files) && value.files.every(isTransferFile);
}

export function isStoreToApp(value: unknown): value is StoreToApp {
  if (!isRecord(value)) return false;
  if (value.type === 'ready') return typeof value.worker === 'boolean';
  if (typeof value.id !== 'number') return false;
  if (value.type === 'done') return typeof value.present === 'boolean';
  return value.type === 'failed' && typeof value.message === 'string';
}
