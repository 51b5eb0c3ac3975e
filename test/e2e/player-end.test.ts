// The end of a course in the built app (issue 13): when the only SCO of a course finishes, the session ends
// with an end page showing the course's status, score and time, with Review and Back to the library, and no
// content frame left on screen (architecture.md, the page contract). Both the light and the dark player
// pass an axe audit, contrast included.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { projectRoot, startHarness, type Harness } from './harness.js';
import { apiFrame, contentFrame, scoFrame, waitForTitle } from './player-page.js';

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="one-sco-test" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>One lesson</title>
      <item identifier="lesson" identifierref="res"><title>The lesson</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="lesson.html">
      <file href="lesson.html"/>
    </resource>
  </resources>
</manifest>`;

// A SCO that passes with 80 of 100 when the learner presses Finish (RTE 1.2: LMSSetValue, LMSFinish).
const LESSON = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The lesson</title></head>
<body><main><h1>The lesson</h1><button id="finish">Finish</button></main><script>
function findApi(win) { for (var i = 0; win && i < 50; i++) { if (win.API) return win.API;
  if (win.parent === win) break; win = win.parent; } return null; }
var api = findApi(window.parent) || (window.opener && findApi(window.opener));
api.LMSInitialize('');
api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
document.getElementById('finish').onclick = function () {
  api.LMSSetValue('cmi.core.score.raw', '80');
  api.LMSSetValue('cmi.core.score.min', '0');
  api.LMSSetValue('cmi.core.score.max', '100');
  api.LMSSetValue('cmi.core.lesson_status', 'passed');
  api.LMSSetValue('cmi.core.session_time', '00:02:05');
  api.LMSCommit('');
  api.LMSFinish('');
};
</script></body></html>`;

let h: Harness;
let course: string;
before(async () => {
  course = mkdtempSync(join(tmpdir(), 'scorm-one-sco-'));
  writeFileSync(join(course, 'imsmanifest.xml'), MANIFEST);
  writeFileSync(join(course, 'lesson.html'), LESSON);
  h = await startHarness({ mounts: { '/one-sco/': course } });
});
after(async () => {
  await h?.close();
  rmSync(course, { recursive: true, force: true });
});

async function finishLesson(page: Page, learner: string): Promise<void> {
  await page.goto(`${h.url}/?course=one-sco/imsmanifest.xml&learner=${learner}`);
  await waitForTitle(page, 'The lesson');
  // One launchable item: Previous and Continue mean nothing, so they are not offered.
  const toolbar = page.locator('scorm-toolbar');
  await toolbar.getByRole('button', { name: 'Exit', exact: true }).waitFor();
  assert.equal(await toolbar.getByRole('button', { name: 'Previous' }).count(), 0);
  assert.equal(await toolbar.getByRole('button', { name: 'Continue' }).count(), 0);
  await (await scoFrame(page)).getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('heading', { name: 'You have finished the course' }).waitFor();
}

/**
 * axe-core on the page (shadow roots included): the violations inside the player (its bar, toolbar, TOC,
 * panels), with their targets. The app's own chrome is audited by the app's tests.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(projectRoot, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)) }))
      .map((v) => ({ ...v, targets: v.targets.filter((t) => t.includes('scorm-player')) }))
      .filter((v) => v.targets.length)
      .map((v) => `${v.id} ${v.targets.join(', ')}`);
  });
}

describe('the end of a course', () => {
  it('shows status, score and time with Review and Back to the library when the only SCO finishes', async () => {
    const { page } = await h.newPage();
    await finishLesson(page, 'end');
    assert.equal(await contentFrame(page).count(), 0, 'no content frame stays on screen');
    const end = page.locator('scorm-player .panel.end');
    assert.equal((await end.locator('.end-status').textContent())?.trim(), 'Passed');
    assert.equal((await end.locator('.end-score').textContent())?.trim(), '80%');
    assert.match((await end.locator('.end-time').textContent())?.trim() ?? '', /^2 min/);
    // The app's links are slotted into the end page (light DOM of the player).
    await page.locator('scorm-player').getByRole('link', { name: 'Back to the library' }).waitFor();
    // Review: the course again, in review mode.
    await end.getByRole('button', { name: 'Review' }).click();
    await waitForTitle(page, 'The lesson');
    // Once the lesson has initialized, its API answers review mode (RTE 1.2 cmi.core.lesson_mode).
    // The API is on the player's window, or on the content host's with a content origin (page contract).
    await (
      await apiFrame(page)
    ).waitForFunction(
      () =>
        (window as unknown as { API?: { LMSGetValue(e: string): string } }).API?.LMSGetValue(
          'cmi.core.lesson_mode',
        ) === 'review',
    );
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes an axe audit in ${colorScheme} mode, playing and on the end page`, async () => {
      const { page } = await h.newPage();
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${h.url}/?course=demo/imsmanifest.xml&learner=axe${colorScheme}`);
      await waitForTitle(page, 'Welcome');
      assert.deepEqual(await axeViolations(page), [], 'playing');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'Contents' }).click();
      await page.getByRole('tree').waitFor();
      await page.locator('scorm-toc summary').click();
      assert.deepEqual(await axeViolations(page), [], 'the phone drawer with the status key');
      await page.setViewportSize({ width: 1280, height: 800 });
      await finishLesson(page, `axeend${colorScheme}`);
      assert.deepEqual(await axeViolations(page), [], 'the end page');
    });
  }
});
