// A course opened from a zip URL (issue 13, "Results that add up"): its learner's status shows on its
// library card and under ?view=results&course=<the zip's URL>, and the card's Results link finds it too.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { projectRoot, startHarness, type Harness } from './harness.js';
import { recordDialogs, scoFrame, waitForTitle, waitForTocStatus } from './player-page.js';

const DEMO_TITLE = 'A cup of tea: the scorm-player demo course';
let h: Harness;
let tmp: string;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'scorm-zip-url-'));
  const demo = join(projectRoot, 'public/demo');
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(demo, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(demo);
  writeFileSync(join(tmp, 'tea.zip'), zipSync(files));
  h = await startHarness({ mounts: { '/zips/': tmp } });
});
after(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a course opened from a zip URL', () => {
  it('shows its learner status on its library card and in the results filtered by its URL', async () => {
    const { page } = await h.newPage();
    recordDialogs(page);
    await page.goto(`${h.url}/?view=library`);
    await page.getByRole('button', { name: 'Set your name' }).click();
    const dialog = page.getByRole('dialog', { name: 'Who is learning?' });
    await dialog.getByLabel('Your name').fill('Zoe Zip');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${h.url}/?course=zips/tea.zip`);
    await waitForTitle(page, 'Welcome', 30000);
    const frame = await scoFrame(page);
    await frame.getByRole('button', { name: 'Next page' }).click();
    await frame.getByRole('button', { name: 'Go to the next lesson' }).click();
    await waitForTitle(page, 'Brewing a good cup');
    await waitForTocStatus(page, 'Welcome', /^(Completed|Passed)$/);
    await page
      .locator('scorm-player')
      .evaluate((p) => (p as unknown as { whenSaved(): Promise<void> }).whenSaved());

    await page.goto(`${h.url}/?view=library`);
    const card = page.locator('li.course').filter({ hasText: DEMO_TITLE });
    await card.waitFor();
    assert.match((await card.locator('.status').textContent()) ?? '', /In progress|Incomplete/);
    await card.getByRole('link', { name: 'Results' }).click();
    const article = page.locator('scorm-results-view article').filter({ hasText: DEMO_TITLE });
    await article.waitFor();
    assert.match((await article.textContent()) ?? '', /Zoe Zip/);

    await page.goto(`${h.url}/?view=results&course=${encodeURIComponent(`${h.url}/zips/tea.zip`)}`);
    await page.locator('scorm-results-view article').filter({ hasText: DEMO_TITLE }).waitFor();
    await page.goto(`${h.url}/?view=results&course=zips/tea.zip`);
    await page.locator('scorm-results-view article').filter({ hasText: DEMO_TITLE }).waitFor();
  });
});
