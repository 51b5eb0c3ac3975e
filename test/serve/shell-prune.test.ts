// The shell cache keeps only the current build: install precaches every asset the build lists (lazy views
// included, for offline use), and activate deletes the cached assets of other builds.
import { expect } from '@open-wc/testing';
import { buildAssets, precacheShell, pruneShell, SHELL_CACHE } from '../../src/serve/shell-cache.js';

describe('the shell cache across builds', () => {
  const scope = new URL(`/sw-test/p${crypto.randomUUID()}/`, location.href).href;
  const cachedUnderScope = async () =>
    (await (await caches.open(SHELL_CACHE)).keys())
      .filter((r) => r.url.startsWith(scope))
      .map((r) => r.url.slice(scope.length));

  after(async () => {
    const cache = await caches.open(SHELL_CACHE);
    for (const request of await cache.keys()) if (request.url.startsWith(scope)) await cache.delete(request);
  });

  it('has no build list outside a build, and then deletes nothing', async () => {
    expect(buildAssets()).to.deep.equal([]);
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(`${scope}assets/old-1.js`, new Response('old'));
    expect(await pruneShell(scope)).to.deep.equal([]);
    expect(await cache.match(`${scope}assets/old-1.js`)).to.not.equal(undefined);
  });

  it("precaches the build's assets with the index, and prunes the other builds' assets", async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(`${scope}assets/old-1.js`, new Response('old'));
    await cache.put(`${scope}assets/old-2.js`, new Response('old'));
    // The build lists a lazy chunk the index does not link (the test server has it as app-1234.js).
    const cached = await precacheShell(scope, ['assets/app-1234.js']);
    expect(cached).to.include(`${scope}assets/app-1234.js`).and.include(scope);
    const removed = await pruneShell(scope, ['assets/app-1234.js']);
    expect(removed.sort()).to.deep.equal([`${scope}assets/old-1.js`, `${scope}assets/old-2.js`]);
    // Which URLs are cached (a Cache may hold one response per Vary'd request of a URL, as the worker's
    // runtime caching in the same browser adds in a full run).
    const left = [...new Set(await cachedUnderScope())].filter((u) => u !== '');
    expect(left.sort()).to.deep.equal(['assets/app-1234.js', 'shell.css']);
  });
});
