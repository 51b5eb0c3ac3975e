// IndexedDB failures as PackageErrors, with a full quota named as such.
import { PackageError, PackageErrorCode } from '../package/index.js';

/** Storage failures, with the quota named as such (IndexedDB 3.0 §5.7: QuotaExceededError aborts the transaction). */
export function storageError(error: unknown, size: number): unknown {
  if (!(error instanceof DOMException)) return error;
  if (error.name === 'QuotaExceededError')
    return new PackageError(
      PackageErrorCode.QuotaExceeded,
      `The browser's storage quota is full: the package (${Math.ceil(size / 1024 ** 2)} MB) was not stored, and nothing was written.`,
      { cause: error },
    );
  return new PackageError(
    PackageErrorCode.Storage,
    `IndexedDB could not store the package (${error.name}: ${error.message}); nothing was written.`,
    {
      cause: error,
    },
  );
}
