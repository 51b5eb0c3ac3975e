// Serves one dist/ as two origins (architecture.md "Content isolation"): the app on http://127.0.0.1:PORT/
// and the content origin on http://127.0.0.1:PORT+1/ (or any free port). Two ports of one host are two
// origins of one site: the content host is then not a third party to the app's page, so browsers that
// block third-party storage (private windows) still give it its database and service worker, as a content
// origin on a sibling subdomain (content.example.com beside app.example.com) gets them in production.
// config.json names the content origin; files are readable cross-origin (CORS) so that URL courses can be
// served through the content origin.
import { serveStatic } from './static-server.js';

/**
 * @param {Omit<Parameters<typeof serveStatic>[0], 'cors' | 'host'> & { contentOrigin?: boolean }} options
 *   `contentOrigin: false` serves one origin only (config.json then names none).
 * @returns {Promise<{ appUrl: string, contentUrl: string | undefined, port: number, close: () => Promise<void> }>}
 */
export async function serveTwoOrigins(options) {
  const { contentOrigin = true, handle, port = 0, ...rest } = options;
  let contentUrl;
  const config = (req, res) => {
    if (contentUrl && new URL(req.url ?? '/', 'http://x').pathname.endsWith('/config.json')) {
      res
        .writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' })
        .end(JSON.stringify({ contentOrigin: contentUrl }));
      return true;
    }
    return handle?.(req, res) ?? false;
  };
  const app = await serveStatic({ ...rest, port, host: '127.0.0.1', cors: contentOrigin, handle: config });
  let content;
  if (contentOrigin) {
    content = await serveStatic({ ...rest, port: port ? port + 1 : 0, host: '127.0.0.1', cors: true, handle }).catch(
      () => serveStatic({ ...rest, port: 0, host: '127.0.0.1', cors: true, handle }),
    );
    contentUrl = content.url;
  }
  return {
    appUrl: app.url,
    contentUrl,
    port: app.port,
    close: async () => {
      await app.close();
      await content?.close();
    },
  };
}
