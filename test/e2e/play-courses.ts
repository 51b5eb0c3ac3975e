// Course packages played in the built app from their URL (?course=<folder>/<name>/imsmanifest.xml&learner=…):
// the content finds the API and reports, the TOC shows the status, a reload resumes where the learner was,
// Previous/Continue follow flow, and a tab killed after a Commit loses nothing. courses.test.ts runs it on
// the fixture courses, golf.corpus.test.ts on the golf packages of the corpus.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CoursePackage } from './course-packages.js';
import { startHarness, type Harness } from './harness.js';
import {
  apiFrame,
  apiRunning,
  currentTitle,
  readStore,
  recordDialogs,
  routeJqueryCdn,
  scoFrame,
  toolbarButton,
  waitForApi,
  waitForTitle,
  waitForTocStatus,
} from './player-page.js';
import type { StoredAttempt } from '../../src/storage/db.js';

export interface PlayCoursesOptions {
  /** The suite's name. */
  title: string;
  packages: CoursePackage[];
  /** The URL path of the folder holding the packages, e.g. /fixtures/ (served by the harness). */
  folder: string;
  /** Packages whose Continue/Previous check is left out (their first item cannot be returned to). */
  noFlowCheck?: RegExp;
  /** The packages (one 1.2, one 2004, both calling the API) for the killed-tab check. */
  killed: string[];
}

let h: Harness;
let folder = '';

async function open(pkg: CoursePackage, learner: string) {
  const { context, page } = await h.newPage();
  await routeJqueryCdn(context);
  const dialogs = recordDialogs(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}/?course=${folder}${pkg.name}/imsmanifest.xml&learner=${learner}`);
  return { context, page, dialogs, errors };
}

/** The API the content found: the one name that matches the package's version (scorm-reference C). */
async function apiNames(page: Page): Promise<string[]> {
  return (await apiFrame(page)).evaluate(() => ['API', 'API_1484_11'].filter((n) => n in window));
}

/** Turns the content's own pages with its #butNext button (golf's launch page, the fixture SCO), to the end or `max`. */
async function pageThrough(page: Page, max = 20): Promise<number> {
  const frame = await scoFrame(page);
  let turned = 0;
  for (; turned < max; turned++) {
    const next = frame.locator('#butNext');
    if ((await next.count()) === 0 || !(await next.isEnabled())) break;
    await next.click();
  }
  return turned;
}

/**
 * The TOC entry that shows an item's status: the item itself, or, when it sits in a branch hidden with
 * isvisible="false" (the random-test and remediation wrappers), the organization's rolled-up entry.
 */
async function shownInToc(page: Page, title: string): Promise<string> {
  const tree = page.locator('scorm-toc [role=tree]');
  await tree.waitFor();
  if ((await tree.getByRole('treeitem', { name: title, exact: true, includeHidden: true }).count()) > 0)
    return title;
  return (await tree.locator('[role=treeitem]').first().locator('.title').textContent()) ?? '';
}

/** Waits until a toolbar button is enabled (a string body: tsx's helpers do not exist in the page). */
async function waitForEnabled(page: Page, name: 'Continue' | 'Previous', timeout = 10000): Promise<void> {
  const button = toolbarButton(page, name);
  const end = Date.now() + timeout;
  while (!(await button.isEnabled())) {
    if (Date.now() > end) throw new Error(`${name} stayed disabled`);
    await page.waitForTimeout(100);
  }
}

/** Resolves once the player's progress writes so far are durable (<scorm-player>.whenSaved()). */
async function whenSaved(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const play = document.querySelector('scorm-app').shadowRoot.querySelector('scorm-play-view');
    await play.shadowRoot.querySelector('scorm-player').whenSaved();
  })()`);
}

async function commit(page: Page, version: '1.2' | '2004'): Promise<string> {
  return (await apiFrame(page)).evaluate((v) => {
    const w = window as unknown as Record<string, Record<string, (a: string) => string>>;
    return v === '2004' ? w['API_1484_11']!['Commit']!('') : w['API']!['LMSCommit']!('');
  }, version);
}

async function location(page: Page, version: '1.2' | '2004'): Promise<string> {
  return (await apiFrame(page)).evaluate((v) => {
    const w = window as unknown as Record<string, Record<string, (a: string) => string>>;
    return v === '2004'
      ? w['API_1484_11']!['GetValue']!('cmi.location')
      : w['API']!['LMSGetValue']!('cmi.core.lesson_location');
  }, version);
}

export function playCourses(options: PlayCoursesOptions): void {
  const { packages } = options;
  before(async () => {
    folder = options.folder;
    h = await startHarness();
  });
  after(() => h?.close());
  describe(options.title, () => definePackageTests(options, packages));
}

function definePackageTests(options: PlayCoursesOptions, packages: CoursePackage[]): void {
  for (const pkg of packages) {
    const first = pkg.leaves.find((l) => l.visible) ?? pkg.leaves[0]!;

    // A reload ends the sequencing session on the learner's behalf: suspendAll when the SCO left with
    // cmi.exit="suspend" (every golf SCO and the fixture SCO do at unload while unfinished), so the same item resumes
    // (sequencing.md §5.3), the attempt-limited pre-test included: a resumed attempt is not a new one.
    const afterReload = first;
    it(`${pkg.name}: the content finds the API and reports, the TOC shows it, a reload resumes`, async () => {
      const { context, page, dialogs, errors } = await open(pkg, 'golfer');
      try {
        assert.equal(await currentTitle(page), first.title);
        assert.deepEqual(await apiNames(page), [pkg.version === '1.2' ? 'API' : 'API_1484_11']);
        if (!pkg.callsApi) {
          // A content-packaging example: it never calls the API; it must still load from its own host.
          const frame = await scoFrame(page);
          await frame.waitForLoadState('load');
          assert.match(frame.url(), new RegExp(`${folder}${pkg.name}/`));
          assert.equal((await apiRunning(page)).running, false);
          await page.reload();
          assert.equal(await currentTitle(page), first.title);
          return;
        }
        assert.equal(await waitForApi(page), pkg.version);
        // The fixture SCO shows every API call that failed (its interactions of every type included).
        const apiErrors = (await scoFrame(page)).locator('#errors');
        if ((await apiErrors.count()) > 0) assert.equal(await apiErrors.textContent(), '', 'API errors');
        const shown = await shownInToc(page, first.title);
        await waitForTocStatus(page, shown, /^(Incomplete|Completed|Passed|Failed)$/);
        // Move within the SCO when it has pages, so the bookmark is not just the start.
        const turned = await pageThrough(page, 1);
        const bookmark = await location(page, pkg.version);
        const asked = dialogs.length;
        // Golf content and the fixture SCO commit only on their last page and otherwise rely on Terminate at
        // unload. Commit
        // here, as most content does after a page turn, so the check below is about resuming, not about how
        // much a browser lets a closing page write.
        await commit(page, pkg.version);
        await whenSaved(page);

        await page.reload();
        assert.equal(await currentTitle(page), afterReload.title, 'the right item after the reload');
        await waitForApi(page);
        // Content that ends every session with cmi.exit="" on purpose (keepsData false) starts over each
        // time; the others must get their bookmark back.
        if (pkg.keepsData && bookmark !== '') {
          // Golf content and the fixture SCO ask whether to resume when they find a bookmark on entry.
          const end = Date.now() + 5000;
          while (!dialogs.slice(asked).some((d) => /resume/i.test(d)) && Date.now() < end)
            await page.waitForTimeout(100);
          assert.ok(
            dialogs.slice(asked).some((d) => /resume/i.test(d)),
            `asked to resume at ${bookmark}`,
          );
          assert.equal(await location(page, pkg.version), bookmark, 'the bookmark came back');
        }
        assert.ok(turned <= 1);
        await waitForTocStatus(page, shown, /^(Incomplete|Completed|Passed|Failed)$/);
        assert.deepEqual(
          errors.filter((e) => !/ResizeObserver/.test(e)),
          [],
        );
      } finally {
        await context.close();
      }
    });
  }

  const flowing = packages.filter(
    (p) =>
      p.flow &&
      p.leaves.filter((l) => l.visible).length >= 2 &&
      !(options.noFlowCheck?.test(p.name) ?? false),
  );
  for (const pkg of flowing) {
    const [a, b] = pkg.leaves.filter((l) => l.visible) as [
      CoursePackage['leaves'][0],
      CoursePackage['leaves'][0],
    ];
    it(`${pkg.name}: Continue and Previous follow flow (${a.title} → ${b.title} → ${a.title})`, async () => {
      const { context, page } = await open(pkg, 'walker');
      try {
        await waitForTitle(page, a.title);
        if (pkg.callsApi) await waitForApi(page);
        const cont = toolbarButton(page, 'Continue');
        // Continue is valid whenever the parent allows flow (sequencing.md §6.1), but in forced-sequential
        // courses the next SCO stays disabled until this one is done: page through it first.
        const next = page.getByRole('treeitem', { name: b.title, exact: true, includeHidden: true }).first();
        if ((await next.getAttribute('aria-disabled')) === 'true') {
          await pageThrough(page);
          for (const until = Date.now() + 15000; (await next.getAttribute('aria-disabled')) === 'true';) {
            assert.ok(Date.now() < until, `${b.title} stayed disabled after ${a.title} was paged through`);
            await page.waitForTimeout(100);
          }
        }
        await waitForEnabled(page, 'Continue');
        await cont.click();
        await waitForTitle(page, b.title);
        await toolbarButton(page, 'Previous').click();
        await waitForTitle(page, a.title);
      } finally {
        await context.close();
      }
    });
  }

  for (const name of options.killed) {
    const pkg = packages.find((p) => p.name === name)!;
    it(`${name}: a tab killed right after a Commit loses nothing`, async () => {
      const context = await h.browser.newContext();
      await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
        route.fulfill({ status: 404, body: '' }),
      );
      try {
        const page = await context.newPage();
        recordDialogs(page);
        await page.goto(`${h.url}/?course=${folder}${name}/imsmanifest.xml&learner=killed`);
        const title = await currentTitle(page);
        await waitForApi(page);
        // What the content commits, set through the API it found (as content would).
        await (
          await apiFrame(page)
        ).evaluate((v) => {
          const w = window as unknown as Record<string, Record<string, (a?: string, b?: string) => string>>;
          if (v === '2004') {
            const api = w['API_1484_11']!;
            api['SetValue']!('cmi.location', 'page-7');
            api['SetValue']!('cmi.suspend_data', 'kept:after-crash');
            api['Commit']!('');
          } else {
            const api = w['API']!;
            api['LMSSetValue']!('cmi.core.lesson_location', 'page-7');
            api['LMSSetValue']!('cmi.suspend_data', 'kept:after-crash');
            api['LMSCommit']!('');
          }
        }, pkg.version);
        // Wait for the write the Commit started (the player's promise), then kill the renderer: no
        // pagehide, no unload, nothing else gets a chance to save.
        await whenSaved(page);
        const cdp = await context.newCDPSession(page);
        const crashed = page.waitForEvent('crash', { timeout: 10000 });
        void cdp.send('Page.crash').catch(() => undefined); // never answers: the renderer is gone
        await crashed;

        const again = await context.newPage();
        recordDialogs(again);
        await again.goto(`${h.url}/?view=library`);
        const attempts = await readStore<StoredAttempt>(again, 'attempts');
        const mine = attempts.find((a) => a.learnerId === 'killed');
        assert.ok(mine, 'an attempt record survived');
        assert.equal(mine.state.location, 'page-7');
        assert.equal(mine.state.suspendData, 'kept:after-crash');
        // Opening the course again resumes that attempt.
        await again.goto(`${h.url}/?course=${folder}${name}/imsmanifest.xml&learner=killed`);
        assert.equal(await currentTitle(again), title);
        await waitForApi(again);
        const entry = await (
          await apiFrame(again)
        ).evaluate((v) => {
          const w = window as unknown as Record<string, Record<string, (a: string) => string>>;
          return v === '2004'
            ? w['API_1484_11']!['GetValue']!('cmi.entry')
            : w['API']!['LMSGetValue']!('cmi.core.entry');
        }, pkg.version);
        assert.equal(entry, 'resume');
      } finally {
        await context.close();
      }
    });
  }
}
