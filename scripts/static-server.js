// A small static file server for `npm start`, the whole-app tests and the benchmarks.
// It serves a root folder plus optional mounts (for example /fixtures/ → test/fixtures, /corpus/ → the corpus
// folder), answers Range requests with 206, and, like CDNs configured for single-page apps, serves 404.html
// for unknown paths that have no file extension (so /player/dispatch/<token> reaches the app).
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

export const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.dtd': 'application/xml-dtd',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.swf': 'application/x-shockwave-flash',
};

/** Resolves a URL path inside a folder; undefined when it climbs out or names no file. */
function fileIn(folder, urlPath) {
  const file = resolve(folder, '.' + urlPath);
  if (file !== folder && !file.startsWith(folder + sep)) return undefined;
  if (!existsSync(file)) return undefined;
  const stat = statSync(file);
  if (stat.isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return file;
}

function send(req, res, file, status = 200, extra = {}) {
  const size = statSync(file).size;
  const headers = {
    ...extra,
    'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && status === 200) {
    let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
    let end = range[1] !== '' && range[2] !== '' ? Number(range[2]) : size - 1;
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    if (start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/**
 * With `cors`, every file may be read cross-origin, as URL courses served through a content origin need
 * (architecture.md "Content isolation"; see two-origins.js).
 *
 * @param {{ root: string, mounts?: Record<string, string>, port?: number, host?: string,
 *           handle?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean,
 *           cors?: boolean }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function serveStatic({ root, mounts = {}, port = 0, host = '127.0.0.1', handle, cors = false }) {
  const rootDir = resolve(root);
  const mountDirs = Object.entries(mounts).map(([prefix, dir]) => [prefix.replace(/\/?$/, '/'), resolve(dir)]);
  const corsHeaders = cors
    ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges' }
    : {};
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
    if (cors && req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Range', 'Access-Control-Max-Age': '600' }).end();
      return;
    }
    if (handle?.(req, res)) return;
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    for (const [prefix, dir] of mountDirs) {
      if (path.startsWith(prefix)) {
        const file = fileIn(dir, path.slice(prefix.length - 1));
        if (file) send(req, res, file);
        else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
    }
    const file = fileIn(rootDir, path);
    if (file) return send(req, res, file);
    const fallback = join(rootDir, '404.html');
    if (!extname(path) && existsSync(fallback)) return send(req, res, fallback, 404);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`,
        port: actualPort,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
