// Importing a SCORM package zip into the library. The work runs in a Web Worker (import-worker.ts) so the
// page stays responsive; cancelling terminates the worker, which aborts its uncommitted transaction.
import { PackageError, PackageErrorCode, type ZipLimits } from '../package/index.js';
import type { PlayerDatabase, StoredPackage } from './db.js';
import type { ImportProgress, ImportRequest, ImportResponse } from './import-protocol.js';
import { deletePackage } from './package-store.js';

export type { ImportProgress } from './import-protocol.js';

export interface ImportOptions {
  /** The library database (openPlayerDb()); the worker opens the same database by name. */
  db: PlayerDatabase;
  onProgress?(progress: ImportProgress): void;
  /** Aborting cancels the import: the promise rejects with code 'aborted' and nothing is stored. */
  signal?: AbortSignal;
  /** Where the package came from (a file name or URL), kept on the record for display. */
  source?: string;
  limits?: Partial<ZipLimits>;
}

/**
 * Imports a zip: checks it (see ZipLimits), parses imsmanifest.xml, and stores the record and every file
 * as a Blob with its Content-Type, all or nothing. Rejects with a PackageError (or the ManifestError's
 * message under code 'invalid-manifest'). Prefer a Blob (a dropped File, or `new Blob([bytes])`): it is read
 * inside the worker and its stored (uncompressed) entries are kept as slices of it, while an ArrayBuffer is
 * copied to the worker and every entry copied out of it.
 */
export function importPackage(file: Blob | ArrayBuffer, options: ImportOptions): Promise<StoredPackage> {
  const { db, onProgress, signal } = options;
  const id = crypto.randomUUID();
  return new Promise<StoredPackage>((resolve, reject) => {
    if (signal?.aborted) {
      reject(
        new PackageError(PackageErrorCode.Aborted, 'The import was cancelled.', { cause: signal.reason }),
      );
      return;
    }
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
      type: 'module',
      name: 'import',
    });
    let settled = false;
    const finish = (): void => {
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    function onAbort(): void {
      if (settled) return;
      finish();
      // The worker is gone, so its transaction was aborted, unless it had just committed: delete by id to
      // be sure nothing of a cancelled import stays.
      const error = new PackageError(
        PackageErrorCode.Aborted,
        'The import was cancelled; nothing was stored.',
        {
          cause: signal?.reason,
        },
      );
      deletePackage(db, id).then(
        () => reject(error),
        () => reject(error),
      );
    }
    signal?.addEventListener('abort', onAbort);
    worker.addEventListener('message', (event: MessageEvent<ImportResponse>) => {
      if (settled) return;
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') {
        finish();
        resolve(message.record);
      } else {
        finish();
        const { code, entry } = message;
        const error = code
          ? new PackageError(code, message.message, entry === undefined ? {} : { entry })
          : Object.assign(new Error(message.message), { name: message.name });
        reject(error);
      }
    });
    worker.addEventListener('error', (event) => {
      if (settled) return;
      finish();
      reject(
        new PackageError(
          PackageErrorCode.Storage,
          `The import worker failed: ${event.message || 'it did not start'}.`,
        ),
      );
    });
    const request: ImportRequest = {
      type: 'import',
      id,
      dbName: db.name,
      file,
      ...(options.source === undefined ? {} : { source: options.source }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
    };
    worker.postMessage(request);
  });
}
