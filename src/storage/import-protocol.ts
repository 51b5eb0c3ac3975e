// Messages between the importer (page) and the import worker.
import type { ZipLimits, ZipProgress, PackageErrorCode } from '../package/index.js';
import type { StoredPackage } from './db.js';

export interface ImportRequest {
  type: 'import';
  /** The id the package will be stored under (chosen by the page, so it can clean up after a cancel). */
  id: string;
  /** The IndexedDB database to store into (opened by name in the worker). */
  dbName: string;
  file: Blob | ArrayBuffer;
  source?: string;
  limits?: Partial<ZipLimits>;
}

export interface ImportProgress extends ZipProgress {
  /** read: loading the file; unzip: inflating and checking every file; commit: storing them in IndexedDB. */
  phase: 'read' | 'unzip' | 'commit';
}

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; record: StoredPackage }
  | {
      type: 'error';
      code?: PackageErrorCode;
      name: string;
      message: string;
      entry?: string;
    };
