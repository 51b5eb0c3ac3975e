// HTTP Range requests (RFC 9110 §14) for stored files, which media elements use to seek in audio and video.

export type RangeResult =
  /** No usable Range header: answer 200 with the whole body (RFC 9110 §14.2 lets a server ignore it). */
  | { kind: 'none' }
  /** Answer 206 with bytes start..end inclusive. */
  | { kind: 'range'; start: number; end: number }
  /** Answer 416 (no byte of the file is in the range). */
  | { kind: 'unsatisfiable' };

/**
 * Reads a single byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`) against a body of `size` bytes.
 * Multiple ranges are answered as a whole body: media elements never ask for them.
 */
export function parseRange(header: string | null, size: number): RangeResult {
  if (!header) return { kind: 'none' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: 'none' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'none' };
  let start: number;
  let end: number;
  if (first === '') {
    // Suffix range: the last n bytes (RFC 9110 §14.1.3).
    const n = Number(last);
    if (n === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== '' && Number(last) < start) return { kind: 'none' }; // invalid: ignore the header
  }
  if (start >= size || size === 0) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end };
}
