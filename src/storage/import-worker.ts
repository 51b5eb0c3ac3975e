// The import worker: reads the zip, checks it, parses the manifest and stores the package record and every
// file in ONE IndexedDB transaction, so that a failure, a full quota or a cancel (the page terminates this
// worker, which aborts the uncommitted transaction) leaves nothing behind.
import {
  PackageError,
  PackageErrorCode,
  parseManifest,
  readZipDirectory,
  readZipEntry,
  readZipEntryChunks,
  sha256Hex,
  type Manifest,
  type ZipDirectory,
} from '../package/index.js';
import { contentTypeFor } from './content-types.js';
import { storageError } from './storage-error.js';
import { openPlayerDb, type StoredFile, type StoredPackage } from './db.js';
import type { ImportProgress, ImportRequest, ImportResponse } from './import-protocol.js';

/** The worker global, typed structurally (the main tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: ImportResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: ImportResponse): void => scope.postMessage(message);
const noop = (): void => undefined;
/** Post progress about every 4 MiB of files. */
const PROGRESS_STEP = 4 * 1024 ** 2;

function parse(bytes: Uint8Array, directory: ZipDirectory, xml: Uint8Array): Manifest {
  const byPath = new Map(directory.entries.map((e) => [e.path, e]));
  try {
    return parseManifest(xml, {
      // Absent files listed in the manifest become warnings (CAM 3.4.1.19), not failures.
      fileExists: (path) => byPath.has(path),
      // External metadata (adlcp:location) is read straight from the zip, one entry, synchronously.
      readFile: (path) => {
        const entry = byPath.get(path);
        return entry && readZipEntry(bytes, entry);
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PackageError(
      PackageErrorCode.InvalidManifest,
      `imsmanifest.xml is not a valid manifest: ${reason}`,
      {
        entry: directory.manifest.name,
        cause: error,
      },
    );
  }
}

/**
 * Reads and checks every entry (readZipEntryChunks: size and CRC-32 against the central directory, inflated
 * natively where the platform can) and holds each as a Blob, whose bytes the browser keeps outside this
 * worker; a mismatch throws before anything is written. A stored entry of a dropped File is kept as a slice
 * of that File, not a copy. Nothing is written here: importPackage then adds the record and every file in
 * ONE transaction, all queued within one task, so it cannot auto-commit half way (an await between requests
 * would let it) and a failure leaves nothing behind.
 */
async function readFiles(
  request: ImportRequest,
  bytes: Uint8Array,
  directory: ZipDirectory,
  progress: ImportProgress,
): Promise<StoredFile[]> {
  Object.assign(progress, {
    phase: 'unzip',
    totalBytes: directory.totalBytes,
    totalFiles: directory.entries.length,
  });
  const source = request.file instanceof Blob ? request.file : undefined;
  const files: StoredFile[] = [];
  let reported = 0;
  for (const entry of directory.entries) {
    const type = contentTypeFor(entry.path);
    const chunks = (await readZipEntryChunks(bytes, entry)) as Uint8Array<ArrayBuffer>[];
    const blob =
      source && entry.compression === 0
        ? source.slice(entry.dataOffset, entry.dataOffset + entry.size, type)
        : new Blob(chunks, { type });
    files.push({ packageId: request.id, path: entry.path, blob, type });
    progress.bytes += entry.size;
    progress.files++;
    if (progress.bytes - reported >= PROGRESS_STEP || progress.files === progress.totalFiles) {
      reported = progress.bytes;
      post({ type: 'progress', progress: { ...progress } });
    }
  }
  return files;
}

async function importPackage(request: ImportRequest): Promise<StoredPackage> {
  const progress: ImportProgress = { phase: 'read', bytes: 0, totalBytes: 0, files: 0, totalFiles: 0 };
  post({ type: 'progress', progress: { ...progress } });
  const bytes = new Uint8Array(
    request.file instanceof Blob ? await request.file.arrayBuffer() : request.file,
  );
  const directory = readZipDirectory(bytes, request.limits);
  const manifestXml = readZipEntry(bytes, directory.manifest);
  const manifest = parse(bytes, directory, manifestXml);
  const record: StoredPackage = {
    id: request.id,
    manifestIdentifier: manifest.identifier,
    title: manifest.title,
    version: manifest.version,
    manifest,
    manifestHash: await sha256Hex(manifestXml),
    size: directory.totalBytes,
    fileCount: directory.entries.length,
    importedAt: new Date().toISOString(),
    rootFolder: directory.rootFolder,
    ...(request.source === undefined ? {} : { source: request.source }),
  };

  // The database opens while the entries are read.
  const opening = openPlayerDb(request.dbName);
  opening.catch(noop); // a failure to open is thrown where it is awaited below
  let files: StoredFile[];
  try {
    files = await readFiles(request, bytes, directory, progress);
  } catch (error) {
    opening.then((db) => db.close(), noop);
    throw error;
  }
  const db = await opening;
  try {
    const tx = db.transaction(['packages', 'files'], 'readwrite');
    const done = tx.done;
    done.catch(noop);
    progress.phase = 'commit';
    post({ type: 'progress', progress: { ...progress } });
    try {
      tx.objectStore('packages').add(record).catch(noop);
      const store = tx.objectStore('files');
      for (const file of files) store.add(file).catch(noop);
    } catch (error) {
      tx.abort();
      throw error;
    }
    try {
      await done;
    } catch (error) {
      throw storageError(tx.error ?? error, record.size);
    }
    return record;
  } finally {
    db.close();
  }
}

scope.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  if (event.data.type !== 'import') return;
  importPackage(event.data).then(
    (record) => post({ type: 'done', record }),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      post({
        type: 'error',
        name: e.name,
        message: e.message,
        ...(e instanceof PackageError
          ? { code: e.code, ...(e.entry === undefined ? {} : { entry: e.entry }) }
          : {}),
      });
    },
  );
});
