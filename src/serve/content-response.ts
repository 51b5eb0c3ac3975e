// Responses for stored package files: the stored Content-Type, Range support for media, HEAD, and 404s.
import type { StoredFile } from '../storage/db.js';
import { parseRange } from './range.js';

/** Answers a GET or HEAD for a stored file, honouring a Range header (206 / 416). */
export function fileResponse(file: StoredFile, request: Request): Response {
  const size = file.blob.size;
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    'Accept-Ranges': 'bytes',
    // Re-imports may change a file under the same URL only via a new package id; still, let the browser revalidate.
    'Cache-Control': 'no-cache',
  };
  const head = request.method === 'HEAD';
  const range = parseRange(request.headers.get('Range'), size);
  if (range.kind === 'unsatisfiable')
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  if (range.kind === 'range') {
    const length = range.end - range.start + 1;
    return new Response(head ? null : file.blob.slice(range.start, range.end + 1, file.type), {
      status: 206,
      headers: {
        ...headers,
        'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
        'Content-Length': String(length),
      },
    });
  }
  return new Response(head ? null : file.blob, {
    status: 200,
    headers: { ...headers, 'Content-Length': String(size) },
  });
}

export function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
