// How an attempt is stored so that a Commit writes what changed (issue 12: long sessions stay cheap). A SCO
// that records thousands of interactions makes AttemptState.data large (the runtime keeps every element's
// value there), and rewriting it whole on every Commit costs milliseconds per thousand interactions. So the
// large parts of `data` are cut into chunks of CHUNK_SIZE entries, each its own record in `attemptChunks`
// keyed by attempt, part and index; the `attempts` record keeps the rest of the state and says which parts
// are chunked. A save compares each chunk with what this store last wrote or read and writes only the
// chunks that differ (a new interaction dirties the last chunk or two).
//
// The codec knows nothing of the runtime's data model beyond the public contract that AttemptState.data is
// a JSON-safe object: any top-level object or array in it with more than CHUNK_SIZE entries is chunked, by
// position (object keys in their insertion order, which the runtime keeps from Commit to Commit and which
// joining restores). DOM-free.
import type { StoredAttempt } from './db.js';

/** Entries per chunk: small enough that a Commit rewrites little, large enough that records stay few. */
export const CHUNK_SIZE = 256;

/** A chunked part of AttemptState.data, as the attempt record notes it. */
export interface ChunkedPart {
  kind: 'object' | 'array';
  /** How many chunks hold it (indexes 0 to chunks - 1). */
  chunks: number;
}

/** One chunk of one part of an attempt's data. */
export interface StoredAttemptChunk {
  courseKey: string;
  learnerId: string;
  itemId: string;
  /** The top-level key of AttemptState.data. */
  part: string;
  index: number;
  /** An object part: key, value, key, value… in order. An array part: its items. */
  entries: unknown[];
}

export type AttemptKey = [courseKey: string, learnerId: string, itemId: string];

/** The attempt record as stored: state.data without its chunked parts, and which parts those are. */
export type StoredAttemptHead = StoredAttempt & { chunked?: Record<string, ChunkedPart> };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A part as a flat list: [k, v, k, v…] for an object, the items for an array (one pass over the keys). */
function flatten(value: Record<string, unknown> | unknown[]): {
  kind: ChunkedPart['kind'];
  flat: unknown[];
  step: number;
} {
  if (Array.isArray(value)) return { kind: 'array', flat: value, step: 1 };
  const flat: unknown[] = [];
  // JSON data: plain objects with no inherited enumerable keys.
  for (const key in value) flat.push(key, value[key]);
  return { kind: 'object', flat, step: 2 };
}

function sameEntry(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Values are JSON-safe: nested objects or arrays are compared by their JSON.
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/** Whether `flat[start…start+length)` equals `entries`. */
function sameChunk(flat: unknown[], start: number, length: number, entries: unknown[] | undefined): boolean {
  if (!entries || entries.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const a = flat[start + i];
    const b = entries[i];
    if (a !== b && !sameEntry(a, b)) return false;
  }
  return true;
}

/** What one save of an attempt writes: the head, the chunks that changed, and chunk ranges to drop. */
export interface AttemptWrite {
  head: StoredAttemptHead;
  chunks: StoredAttemptChunk[];
  /** Per part, the first chunk index that no longer exists (every index from it on is deleted). */
  drop: { part: string; from: number }[];
  /** What the store holds for this attempt once the write is done (for the next comparison). */
  written: Map<string, unknown[][]>;
}

/**
 * Splits an attempt for storing. `known` is what the store holds now (by part, each chunk's entries), from
 * the last write or read; chunks equal to it are not written again.
 */
export function splitAttempt(
  attempt: StoredAttempt,
  known: ReadonlyMap<string, unknown[][]> | undefined,
  chunkSize = CHUNK_SIZE,
): AttemptWrite {
  const data = attempt.state.data;
  const headData: Record<string, unknown> = {};
  const chunked: Record<string, ChunkedPart> = {};
  const chunks: StoredAttemptChunk[] = [];
  const drop: AttemptWrite['drop'] = [];
  const written = new Map<string, unknown[][]>();
  const { courseKey, learnerId, itemId } = attempt;
  for (const part of Object.keys(data)) {
    const value = data[part];
    const parted = Array.isArray(value) || isPlainObject(value) ? flatten(value) : undefined;
    if (!parted || parted.flat.length <= chunkSize * parted.step) {
      headData[part] = value;
      continue;
    }
    // A placeholder keeps the parts in their order, so that the joined state is the saved one to the letter.
    headData[part] = null;
    const { kind, flat, step } = parted;
    const per = chunkSize * step;
    const count = Math.ceil(flat.length / per);
    const before = known?.get(part);
    const parts: unknown[][] = [];
    for (let index = 0; index < count; index++) {
      const start = index * per;
      const length = Math.min(per, flat.length - start);
      const old = before?.[index];
      if (old && sameChunk(flat, start, length, old)) {
        parts.push(old);
        continue;
      }
      const entries = flat.slice(start, start + length);
      parts.push(entries);
      chunks.push({ courseKey, learnerId, itemId, part, index, entries });
    }
    chunked[part] = { kind, chunks: count };
    written.set(part, parts);
    if (before && before.length > count) drop.push({ part, from: count });
  }
  // Parts chunked before and inline (or gone) now.
  for (const part of known?.keys() ?? []) if (!written.has(part)) drop.push({ part, from: 0 });
  const head: StoredAttemptHead = { ...attempt, state: { ...attempt.state, data: headData } };
  if (Object.keys(chunked).length) head.chunked = chunked;
  return { head, chunks, drop, written };
}

/**
 * Joins a stored head and its chunks (any order) back into the attempt as it was saved. Also returns what
 * the store holds, for the next save's comparison. A missing chunk leaves its entries out (never throws).
 */
export function joinAttempt(
  head: StoredAttemptHead,
  chunks: readonly StoredAttemptChunk[],
): { attempt: StoredAttempt; known: Map<string, unknown[][]> } {
  const { chunked, ...attempt } = head;
  const known = new Map<string, unknown[][]>();
  if (!chunked) return { attempt, known };
  const data: Record<string, unknown> = { ...attempt.state.data };
  for (const [part, { kind, chunks: count }] of Object.entries(chunked)) {
    const parts: unknown[][] = Array.from({ length: count }, () => []);
    for (const c of chunks) if (c.part === part && c.index < count) parts[c.index] = c.entries;
    known.set(part, parts);
    const flat = parts.flat();
    if (kind === 'array') data[part] = flat;
    else {
      const object: Record<string, unknown> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) object[flat[i] as string] = flat[i + 1];
      data[part] = object;
    }
  }
  return { attempt: { ...attempt, state: { ...attempt.state, data } }, known };
}
