// The one error type of package reading, storing and opening by URL. Following fflate's habit, the kind of
// failure is a code from an `as const` object carried on the error, so callers branch on `error.code`
// rather than on message text; the message says what went wrong and where (entry name or URL).

export const PackageErrorCode = {
  /** Not a zip archive, truncated, or its compressed data is damaged. */
  Corrupt: 'corrupt-zip',
  /** An entry path climbs out of the package (`..`), is absolute, names a drive or uses backslashes. */
  UnsafePath: 'unsafe-path',
  /** More entries than `ZipLimits.maxEntries`. */
  TooManyEntries: 'too-many-entries',
  /** More uncompressed bytes than `ZipLimits.maxTotalBytes` (or a download larger than allowed). */
  TooLarge: 'too-large',
  /** An entry, or the archive, expands more than `ZipLimits.maxRatio` times: a zip bomb. */
  CompressionRatio: 'compression-ratio',
  /** An entry uses a compression method other than stored (0) or deflate (8), or is encrypted. */
  UnsupportedEntry: 'unsupported-entry',
  /**
   * An entry's data does not match its CRC-32 in the central directory (APPNOTE 4.4.7): the zip is damaged
   * or was altered.
   */
  ChecksumMismatch: 'checksum-mismatch',
  /**
   * An entry inflates to more, or fewer, bytes than the central directory declares (APPNOTE 4.4.9). Inflating
   * stops as soon as the declared size is passed.
   */
  SizeMismatch: 'size-mismatch',
  /**
   * Two entries share bytes of the archive (their local headers or data overlap): how "overlapping file"
   * zip bombs make one small deflate stream count many times.
   */
  OverlappingEntries: 'overlapping-entries',
  /** Two entries resolve to the same path. */
  DuplicateEntry: 'duplicate-entry',
  /** No imsmanifest.xml at the root of the zip nor inside a single top folder. */
  NoManifest: 'no-manifest',
  /** imsmanifest.xml is there but parseManifest rejected it (the ManifestError is the `cause`). */
  InvalidManifest: 'invalid-manifest',
  /** The caller cancelled (AbortSignal or importer cancel). */
  Aborted: 'aborted',
  /** fetch failed: the network is down, the host is unknown, or CORS forbids reading the response. */
  Network: 'network',
  /** The server answered with an HTTP error status. */
  HttpStatus: 'http-status',
  /** The browser's storage quota is full; nothing was written. */
  QuotaExceeded: 'quota-exceeded',
  /** IndexedDB failed for another reason; nothing was written. */
  Storage: 'storage',
} as const;

export type PackageErrorCode = (typeof PackageErrorCode)[keyof typeof PackageErrorCode];

export interface PackageErrorOptions {
  /** The zip entry the error is about, as named in the archive. */
  entry?: string;
  /** The URL the error is about. */
  url?: string;
  cause?: unknown;
}

export class PackageError extends Error {
  override readonly name = 'PackageError';
  readonly code: PackageErrorCode;
  readonly entry?: string;
  readonly url?: string;

  constructor(code: PackageErrorCode, message: string, options: PackageErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.entry !== undefined) this.entry = options.entry;
    if (options.url !== undefined) this.url = options.url;
  }
}
