// The built app end to end: the demo course played through (quiz answered, passed, score in the results
// view), resume inside a SCO after a reload, and a zip made at test time imported through the file input
// and played from the library.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { projectRoot, startHarness, type Harness } from './harness.js';
import {
  currentTitle,
  recordDialogs,
  scoFrame,
  waitForTitle,
  waitForTocStatus,
  apiFrame,
  contentFrame,
} from './player-page.js';

const DEMO_TITLE = 'A cup of tea: the scorm-player demo course';
let h: Harness;
let tmp: string;
before(async () => {
  h = await startHarness();
  tmp = mkdtempSync(join(tmpdir(), 'scorm-app-e2e-'));
});
after(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Clicks a button inside the SCO's own document. */
async function clickInSco(page: Page, name: string | RegExp): Promise<void> {
  const frame = await scoFrame(page);
  await frame.getByRole('button', { name }).click();
}

/** Runs axe-core in the page (and its same-origin frames); returns the ids of the violated rules. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(projectRoot, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Whether the page scrolls sideways (it must not at phone width). */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

describe('the app', () => {
  it('shows the library first, and it passes an axe audit', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/`);
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });

  it('works at phone width: no sideways scrolling, and the play view passes an axe audit', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${h.url}/?view=library`);
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    assert.equal(await scrollsSideways(page), false, 'library');
    await page.goto(`${h.url}/?course=demo/imsmanifest.xml&learner=phone`);
    assert.equal(await currentTitle(page), 'Welcome');
    await (await scoFrame(page)).getByText('Your progress is being saved.').waitFor();
    assert.equal(await scrollsSideways(page), false, 'play view');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('plays the demo course end to end: the quiz is passed and the results view shows the attempt', async () => {
    const { page } = await h.newPage();
    recordDialogs(page);
    await page.goto(`${h.url}/?course=demo/imsmanifest.xml&learner=ann`);
    assert.equal(await currentTitle(page), 'Welcome');
    const api = await apiFrame(page);
    assert.equal(await api.evaluate(() => 'API_1484_11' in window && !('API' in window)), true);

    await clickInSco(page, 'Next page');
    await clickInSco(page, 'Go to the next lesson'); // adl.nav.request=continue, then Terminate
    await waitForTitle(page, 'Brewing a good cup');
    // No success reported and objectiveSetByContent=false: the activity counts as satisfied (UP.4), so Passed.
    await waitForTocStatus(page, 'Welcome', /^(Completed|Passed)$/);

    await clickInSco(page, 'Next page');
    await clickInSco(page, 'Next page');
    const brewing = await scoFrame(page);
    await brewing.getByLabel('Set a timer').check();
    await clickInSco(page, 'Go to the next lesson');
    await waitForTitle(page, 'Quiz');

    const quiz = await scoFrame(page);
    await quiz.getByLabel('About 80 °C').check();
    await quiz
      .getByRole('group', { name: /steeps longer/ })
      .getByLabel('True')
      .check();
    await quiz.getByLabel(/Camellia/).fill('Sinensis');
    await quiz.getByLabel('Minutes').fill('4');
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    assert.match((await quiz.locator('#result-text').textContent()) ?? '', /4 of 4 .*passed/);
    await waitForTocStatus(page, 'Quiz', /^Passed$/);

    await clickInSco(page, 'Go to the next lesson');
    await waitForTitle(page, 'Wrap-up');
    await clickInSco(page, 'Finish the course'); // continue past the last item ends the course
    await contentFrame(page).waitFor({ state: 'detached', timeout: 15000 });

    await page.goto(`${h.url}/?view=results&course=demo/imsmanifest.xml`);
    const article = page.locator('scorm-results-view article').filter({ hasText: DEMO_TITLE });
    await article.waitFor();
    assert.equal((await article.locator('.course-status').textContent())?.trim(), 'Passed');
    const quizRow = article.locator('tr[data-item="sco-quiz"]');
    assert.equal((await quizRow.locator('.item-status').textContent())?.trim(), 'Passed');
    assert.equal((await quizRow.locator('.item-score').textContent())?.trim(), '4 / 4 (100%)');
    await article.getByText('Interactions in Quiz (4)').click();
    const rows = article.locator('tr[data-interaction]');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-interaction'))), [
      'q-temperature',
      'q-steep-longer',
      'q-plant',
      'q-minutes',
    ]);
    assert.match((await rows.nth(2).textContent()) ?? '', /Sinensis[\s\S]*correct/);
  });

  it('resumes the demo course inside a SCO after a reload', async () => {
    const { page } = await h.newPage();
    recordDialogs(page);
    await page.goto(`${h.url}/?course=demo/imsmanifest.xml&learner=bo&item=sco-brewing`);
    await waitForTitle(page, 'Brewing a good cup');
    await clickInSco(page, 'Next page');
    await clickInSco(page, 'Next page');
    assert.equal(await (await scoFrame(page)).locator('#page-position').textContent(), 'Page 3 of 3');
    await page.reload();
    await waitForTitle(page, 'Brewing a good cup');
    const frame = await scoFrame(page);
    await frame.locator('#page-position').filter({ hasText: 'Page 3 of 3' }).waitFor({ timeout: 10000 });
  });

  it('imports a zip through the file input and plays it from the library', async () => {
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
    const zipPath = join(tmp, 'tea-course.zip');
    writeFileSync(zipPath, zipSync(files));

    const { page } = await h.newPage();
    recordDialogs(page);
    await page.goto(`${h.url}/?view=library&learner=cy`);
    await page.locator('scorm-import-panel input[type=file]').setInputFiles(zipPath);
    const card = page.locator('li.course').filter({ hasText: DEMO_TITLE });
    await card.waitFor({ timeout: 20000 });
    assert.match((await card.textContent()) ?? '', /SCORM 2004 4th Ed\./);
    assert.match((await card.locator('.status').textContent()) ?? '', /Not started/);
    await page.getByRole('status').filter({ hasText: 'Imported' }).first().waitFor();

    await card.getByRole('link', { name: 'Open' }).click();
    assert.match(page.url(), /\?package=[^&]+$/);
    // No &learner= on this launch and none stored yet: the app asks once.
    const dialog = page.getByRole('dialog', { name: 'Who is learning?' });
    await dialog.getByLabel('Your name').fill('Cy Young');
    await dialog.getByRole('button', { name: 'Save' }).click();
    assert.equal(await currentTitle(page, 20000), 'Welcome');
    const frame = await scoFrame(page);
    assert.match(frame.url(), /\/content\/[^/]+\/welcome\.html$/);
    await frame.getByText('Your progress is being saved.').waitFor();
    assert.equal(
      await frame.evaluate(() =>
        (window as unknown as { Scorm: { get(e: string): string } }).Scorm.get('cmi.learner_name'),
      ),
      'Cy Young',
    );
  });
});
