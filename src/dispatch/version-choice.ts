// Which version of a course a returning learner opens (the seed's promise: "update content once, all LMSs get
// it; in-progress learners can continue with the old version or restart with the new"). DOM-free.
export interface CourseVersion {
  /** Where that version is opened from (a manifest, folder or zip URL, or a library package's source). */
  url: string;
  /** SHA-256 (hex) of its imsmanifest.xml. */
  manifestHash: string;
}

/** The part of the stored course record (StoredCourseProgress) this needs. */
export interface VersionedRecord {
  courseVersion?: CourseVersion;
  ended: boolean;
}

export type VersionDecision =
  /** No record, the same version, or a finished attempt: open the current version. */
  | { kind: 'open-current'; reason: 'new' | 'same-version' | 'attempt-ended' }
  /** An unfinished attempt on another version: ask the learner. */
  | { kind: 'ask'; started: CourseVersion; current: CourseVersion; canContinue: boolean };

/** A folder URL and the manifest inside it name the same course. */
export function sameCourseUrl(a: string, b: string): boolean {
  const strip = (u: string): string => u.replace(/[?#].*$/, '').replace(/\/imsmanifest\.xml$/i, '/');
  return a === b || strip(a) === strip(b);
}

/**
 * @param record the learner's course record, if any
 * @param current the version that would open now
 * @param available URLs of earlier versions that can still be opened (dispatches.json `versions`, or other
 *   library packages with the same manifest identifier)
 */
export function decideVersion(
  record: VersionedRecord | undefined,
  current: CourseVersion,
  available: readonly string[],
): VersionDecision {
  const started = record?.courseVersion;
  if (!record || !started) return { kind: 'open-current', reason: 'new' };
  if (started.manifestHash === current.manifestHash) return { kind: 'open-current', reason: 'same-version' };
  if (record.ended) return { kind: 'open-current', reason: 'attempt-ended' };
  // The started version is still there only at a URL other than the current one: a course changed in place
  // at the same URL has lost its old version.
  const canContinue =
    !sameCourseUrl(started.url, current.url) && available.some((url) => sameCourseUrl(url, started.url));
  return { kind: 'ask', started, current, canContinue };
}
