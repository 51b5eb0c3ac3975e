// The player's layout in the built app (issue 13): the content frame fills the window below the player's
// one compact bar at desktop and phone sizes, the phone's table of contents is a drawer driven by the
// keyboard, fullscreen enters and leaves, and a course can be played in a window of its own and still save.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';
import { contentFrame, readStore, recordDialogs, scoFrame, waitForTitle } from './player-page.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const DEMO = 'demo/imsmanifest.xml';

async function openDemo(page: Page, learner: string, item = '', on: Harness = h): Promise<void> {
  recordDialogs(page);
  await page.goto(`${on.url}/?course=${DEMO}&learner=${learner}${item ? `&item=${item}` : ''}`);
  await waitForTitle(page, item ? 'Brewing a good cup' : 'Welcome');
}

/** The content frame's box, in CSS pixels of the viewport. */
async function frameBox(page: Page) {
  const box = await contentFrame(page).boundingBox();
  if (!box) throw new Error('no content frame on screen');
  return box;
}

describe('the player fills the window', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
    [390, 844],
  ] as const) {
    it(`at ${width}×${height} the content frame reaches the bottom edge of the window`, async () => {
      const { page } = await h.newPage();
      await page.setViewportSize({ width, height });
      await openDemo(page, `fill${width}`);
      const box = await frameBox(page);
      assert.ok(
        Math.abs(box.y + box.height - height) <= 2,
        `frame bottom ${box.y + box.height}, window ${height}`,
      );
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1),
        true,
        'the page does not scroll',
      );
      if (width < 640) {
        assert.ok(box.y <= height * 0.2, `the frame starts at ${box.y}, below 20 % of ${height}`);
        assert.ok(box.width >= width - 2, 'the frame takes the whole width');
      }
    });
  }
});

describe('the table of contents', () => {
  it('is a drawer at phone width, opened and closed by keyboard', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openDemo(page, 'drawer');
    const toggle = page.getByRole('button', { name: 'Contents' });
    const tree = page.getByRole('tree');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await tree.isVisible(), false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await tree.waitFor({ state: 'visible' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    // The drawer takes the focus (the current item) and lies over the content, which keeps its size.
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('role') === 'treeitem';
    });
    const box = await frameBox(page);
    assert.ok(box.width >= 388, 'the frame is not squeezed by the drawer');
    // Choosing an item by keyboard closes the drawer and delivers it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForTitle(page, 'Brewing a good cup');
    await tree.waitFor({ state: 'hidden' });
    // Escape closes an open drawer and gives the focus back to its toggle.
    await toggle.focus();
    await page.keyboard.press('Space');
    await tree.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await tree.waitFor({ state: 'hidden' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  });

  it('can be hidden on a wide screen, and the choice is remembered', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDemo(page, 'hide');
    const tree = page.getByRole('tree');
    await tree.waitFor({ state: 'visible' });
    const before = (await frameBox(page)).width;
    await page.getByRole('button', { name: 'Contents' }).click();
    await tree.waitFor({ state: 'hidden' });
    assert.ok((await frameBox(page)).width > before, 'the frame takes the freed width');
    await page.reload();
    await waitForTitle(page, 'Welcome');
    assert.equal(await tree.isVisible(), false, 'still hidden after a reload');
    assert.equal(await page.getByRole('button', { name: 'Contents' }).getAttribute('aria-expanded'), 'false');
  });
});

describe('fullscreen and a window of its own', () => {
  it('enters fullscreen with the button and leaves it with Escape', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDemo(page, 'full');
    const button = page.getByRole('button', { name: 'Full screen' });
    await button.click();
    // document.fullscreenElement is retargeted to the app's element; the player is its tree's.
    const playerIsFullscreen = () =>
      page
        .locator('scorm-player')
        .evaluate((el) => (el.getRootNode() as ShadowRoot).fullscreenElement === el);
    await page.waitForFunction(() => document.fullscreenElement !== null);
    assert.equal(await playerIsFullscreen(), true);
    await page.locator('button[aria-pressed="true"]', { hasText: 'Full screen' }).waitFor({ timeout: 5000 });
    await button.focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    // The button follows on the player's next render after fullscreenchange.
    await page.locator('button[aria-pressed="false"]', { hasText: 'Full screen' }).waitFor({ timeout: 5000 });
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
  });

  // Content of the app's own origin only: content from a content origin stays in the player's frame, whose
  // host accepts its player only from window.parent (ContentLauncher.opensWindows).
  let single: Harness;
  before(async () => {
    single = await startHarness({ contentOrigin: false });
  });
  after(async () => {
    await single?.close();
  });

  it('offers no new window for content of the content origin', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDemo(page, 'no-window', 'sco-brewing');
    await page.getByRole('button', { name: 'Full screen' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Open in a new window' }).count(), 0);
  });

  it('plays the content in a new window, saves its progress, and brings it back', async () => {
    const { page, context } = await single.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDemo(page, 'window', 'sco-brewing', single);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open in a new window' }).click(),
    ]);
    await page.getByRole('heading', { name: 'The course is open in another window' }).waitFor();
    assert.equal(await contentFrame(page).count(), 0, 'no frame in the player while the window has it');
    await popup.waitForURL(/brewing\.html/);
    // The content found the API through window.opener and works as in the frame.
    await popup.getByRole('button', { name: 'Next page' }).click();
    await popup.getByRole('button', { name: 'Next page' }).click();
    await popup.locator('#page-position').filter({ hasText: 'Page 3 of 3' }).waitFor();
    // Back here: the window closes, the content resumes in the frame where it was.
    await page.getByRole('button', { name: 'Bring it back here' }).click();
    await waitForTitle(page, 'Brewing a good cup');
    const frame = await scoFrame(page);
    await frame.locator('#page-position').filter({ hasText: 'Page 3 of 3' }).waitFor({ timeout: 10000 });
    assert.equal(popup.isClosed(), true);
    const attempts = await readStore<{ itemId: string; state: { location: string } }>(page, 'attempts');
    const brewing = attempts.find((a) => a.itemId === 'sco-brewing');
    assert.equal(brewing?.state.location, '2'); // the demo counts pages from 0
  });
});
