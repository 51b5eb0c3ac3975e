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
import type { IDBPObjectStore } from 'idb';
import { contentTypeFor } from './content-types.js';
import { storageError } from './storage-error.js';
import { openPlayerDb, type PlayerDB, type StoredFile, type StoredPackage } from './db.js';
import type { ImportProgress, ImportRequest, ImportResponse } from './import-protocol.js';
import { deletePackage } from './package-store.js';

type FilesStore = IDBPObjectStore<PlayerDB, ('packages' | 'files')[], 'files', 'readwrite'>;

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

/** Lets queued tasks run (IndexedDB callbacks among them): a message to self, not clamped like setTimeout. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Reads and checks every entry (readZipEntryChunks: size and CRC-32 against the central directory, inflated
 * natively where the platform can) and hands each to `onFile` as a Blob, whose bytes the browser keeps
 * outside this worker; a mismatch throws. A stored entry of a dropped File is kept as a slice of that
 * File, not a copy. After each entry the queued tasks run, so that the transaction can take the files
 * read so far while the next are inflated.
 */
async function readFiles(
  request: ImportRequest,
  bytes: Uint8Array,
  directory: ZipDirectory,
  progress: ImportProgress,
  onFile: (file: StoredFile) => void,
): Promise<void> {
  Object.assign(progress, {
    phase: 'unzip',
    totalBytes: directory.totalBytes,
    totalFiles: directory.entries.length,
  });
  const source = request.file instanceof Blob ? request.file : undefined;
  let reported = 0;
  for (const entry of directory.entries) {
    const type = contentTypeFor(entry.path);
    const chunks = (await readZipEntryChunks(bytes, entry)) as Uint8Array<ArrayBuffer>[];
    const blob =
      source && entry.compression === 0
        ? source.slice(entry.dataOffset, entry.dataOffset + entry.size, type)
        : new Blob(chunks, { type });
    onFile({ packageId: request.id, path: entry.path, blob, type });
    progress.bytes += entry.size;
    progress.files++;
    if (progress.bytes - reported >= PROGRESS_STEP || progress.files === progress.totalFiles) {
      reported = progress.bytes;
      post({ type: 'progress', progress: { ...progress } });
    }
    await nextTask();
  }
}

/**
 * Adds files to the transaction as they are read, while the next ones inflate, in ONE transaction so that
 * a failure, a full quota or a cancel leaves nothing behind. A transaction commits once it has no request
 * pending when control returns to the event loop, and takes new requests only in the task that opened it
 * or in a request's callback (IndexedDB 3.0 §2.7 "transaction lifecycle"). So while files are still being
 * read one cheap request (a count over an empty key range) is always pending, and its callback adds
 * whatever has been read meanwhile and places the next one.
 */
class TransactionFeeder {
  readonly #ready: StoredFile[] = [];
  #reading = true;
  #failure: unknown;

  constructor(
    private readonly store: FilesStore,
    private readonly idle: IDBKeyRange,
  ) {
    this.#pump();
  }

  /** Set when a request could not be placed (the transaction was aborted): reading can stop. */
  get failure(): unknown {
    return this.#failure;
  }

  add(file: StoredFile): void {
    this.#ready.push(file);
  }

  /** No more files: the last callback adds what is left and lets the transaction commit. */
  end(): void {
    this.#reading = false;
  }

  #pump = (): void => {
    try {
      for (const file of this.#ready.splice(0)) this.store.add(file).catch(noop);
      if (this.#reading) this.store.count(this.idle).then(this.#pump, noop);
    } catch (error) {
      this.#failure = error;
    }
  };
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

  const db = await openPlayerDb(request.dbName);
  try {
    const tx = db.transaction(['packages', 'files'], 'readwrite');
    const done = tx.done;
    done.catch(noop);
    // A transaction that ends before every file is added was aborted (by a failed request: a full quota):
    // reading stops there, and its error is what is reported.
    let ended: 'committed' | 'aborted' | undefined;
    done.then(
      () => (ended = 'committed'),
      () => (ended = 'aborted'),
    );
    tx.objectStore('packages').add(record).catch(noop);
    // No file is stored under ['', ''] (a package id is a UUID): counting it is a cheap request.
    const feeder = new TransactionFeeder(tx.objectStore('files'), IDBKeyRange.only(['', '']));
    try {
      await readFiles(request, bytes, directory, progress, (file) => {
        if (ended !== undefined || feeder.failure !== undefined)
          throw storageError(tx.error ?? feeder.failure ?? new Error('the transaction ended'), record.size);
        feeder.add(file);
      });
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // it had already ended (aborted by a failed request)
      }
      // Never expected (a request is always pending while reading), but if it committed part of the
      // package, that part goes: an import stores everything or nothing.
      if (ended === 'committed') await deletePackage(db, request.id).catch(noop);
      throw error;
    } finally {
      feeder.end();
    }
    progress.phase = 'commit';
    post({ type: 'progress', progress: { ...progress } });
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
