// A page for an in-browser benchmark: `/` is an HTML page that runs `/page.js`, and every other path given
// is answered with its text (JavaScript for .js and .ts, HTML otherwise), never cached. Anything else comes
// from the bench folder.
import { join } from 'node:path';
import { serveStatic } from '../../scripts/static-server.js';
import { projectRoot } from './bundle.js';

const PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title><script type="module" src="/page.js"></script></html>';

/** Serves the bench page; `files` maps paths ('/page.js', '/content/sco.html') to their text. */
export function serveBenchPage(
  files: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  return serveStatic({
    root: join(projectRoot, 'bench'),
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = path === '/' ? PAGE : files[path];
      if (body === undefined) return false;
      const type = /\.(js|ts)$/.test(path) ? 'text/javascript' : 'text/html; charset=utf-8';
      res
        .writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' })
        .end(req.method === 'HEAD' ? '' : body);
      return true;
    },
  });
}
