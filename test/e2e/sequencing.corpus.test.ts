// The golf sequencing packages of the shared corpus, played to the end in the built app through the
// toolbar and the table of contents, as a learner would: at each step the delivered item (the content
// frame's title), which TOC entries can be chosen (aria-disabled) or are left out (hidden from choice or
// invisible), and at the end the course's status. What must happen is read from each package's manifest
// with the SN book's processes (sequencing.md); the comment on each step says which rule decides it.
//
// A corpus test: it needs ../shared/corpus and a build (`npm run build`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';
import {
  readStore,
  recordDialogs,
  routeJqueryCdn,
  scoFrame,
  toolbarButton,
  waitForApi,
  waitForTocStatus,
} from './player-page.js';
import type { StoredCourseProgress } from '../../src/storage/db.js';

let h: Harness;
before(async () => (h = await startHarness()));
after(() => h?.close());

type TocState = 'enabled' | 'disabled' | 'absent';

interface Course {
  page: Page;
  learner: string;
  close(): Promise<void>;
}

async function open(pkg: string, learner: string): Promise<Course> {
  const { context, page } = await h.newPage();
  await routeJqueryCdn(context);
  recordDialogs(page);
  await page.goto(`${h.url}/?course=/corpus/packages/${pkg}/imsmanifest.xml&learner=${learner}`);
  return { page, learner, close: () => context.close() };
}

/** Waits until the content frame shows `title` and its SCO has initialized the API. */
async function delivered(page: Page, title: string | RegExp, step: string): Promise<string> {
  const end = Date.now() + 15000;
  let shown: string;
  for (;;) {
    const frame = page.locator('scorm-stage iframe');
    shown =
      (await frame.count()) > 0 && (await frame.isVisible())
        ? ((await frame.getAttribute('title')) ?? '')
        : '';
    if (typeof title === 'string' ? shown === title : title.test(shown)) break;
    if (Date.now() > end)
      assert.fail(`${step}: expected "${String(title)}" to be delivered, the stage shows "${shown}"`);
    await page.waitForTimeout(100);
  }
  await waitForApi(page);
  return shown;
}

function tocItem(page: Page, title: string) {
  return page.locator('scorm-toc').getByRole('treeitem', { name: title, exact: true, includeHidden: true });
}

async function tocStates(page: Page, titles: readonly string[]): Promise<Record<string, TocState>> {
  const states: Record<string, TocState> = {};
  for (const title of titles) {
    const item = tocItem(page, title);
    if ((await item.count()) === 0) states[title] = 'absent';
    else
      states[title] = (await item.first().getAttribute('aria-disabled')) === 'true' ? 'disabled' : 'enabled';
  }
  return states;
}

/** The TOC shows these states (it follows the snapshot after each report, so give it a moment). */
async function expectToc(page: Page, expected: Record<string, TocState>, step: string): Promise<void> {
  const titles = Object.keys(expected);
  const end = Date.now() + 10000;
  let actual = await tocStates(page, titles);
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < end) {
    await page.waitForTimeout(100);
    actual = await tocStates(page, titles);
  }
  assert.deepEqual(actual, expected, `${step}: the table of contents`);
}

async function choose(page: Page, title: string, step: string): Promise<void> {
  const item = tocItem(page, title).first();
  assert.notEqual(await item.getAttribute('aria-disabled'), 'true', `${step}: "${title}" can be chosen`);
  await item.click();
}

async function press(page: Page, name: 'Continue' | 'Previous', step: string): Promise<void> {
  const button = toolbarButton(page, name);
  const end = Date.now() + 10000;
  while (!(await button.isEnabled()) && Date.now() < end) await page.waitForTimeout(100);
  assert.ok(await button.isEnabled(), `${step}: ${name} is enabled`);
  await button.click();
}

/** Resolves once the player's writes so far are durable (and so the navigator has every report). */
async function whenSaved(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const play = document.querySelector('scorm-app').shadowRoot.querySelector('scorm-play-view');
    await play.shadowRoot.querySelector('scorm-player').whenSaved();
  })()`);
}

/** Turns the golf launch page's pages to the last one: the SCO sets completion there and commits. */
async function readToTheEnd(page: Page): Promise<void> {
  const frame = await scoFrame(page);
  const next = frame.locator('#butNext');
  await next.waitFor();
  for (let i = 0; i < 20 && (await next.isEnabled()); i++) await next.click();
  await whenSaved(page);
}

/**
 * Answers the golf knowledge check inside the launch page (its marked answers are the right ones) and
 * submits it: all right (score 100, passed) or all wrong (score 0, failed). The quiz reports at Terminate.
 */
async function takeQuiz(page: Page, pass: boolean): Promise<void> {
  const quiz = (await scoFrame(page)).frameLocator('#contentFrame');
  const submit = quiz.locator('input[type=button][value="Submit Answers"]');
  await submit.waitFor();
  const questions = quiz.locator('div.question');
  const count = await questions.count();
  assert.ok(count > 0, 'the quiz has questions');
  for (let i = 0; i < count; i++) {
    const q = questions.nth(i);
    const text = q.locator('input[type=text]');
    if ((await text.count()) > 0) {
      const shown = (await q.locator('.correctAnswer').textContent()) ?? '';
      const right = /\(([^)]*)\)/.exec(shown)?.[1] ?? '';
      await text.fill(pass ? right : `${right}1`);
    } else {
      await q
        .locator(pass ? '.correctAnswer input' : '.answer input')
        .first()
        .check();
    }
  }
  await submit.click();
  await quiz.getByText(/^Score: /).waitFor();
}

/** The session ended: no content frame, the end panel says why, and the course record has its status. */
async function expectEnded(
  course: Course,
  wanted: { heading: RegExp; completion: string; success: string },
  step: string,
): Promise<void> {
  const { page } = course;
  const heading = page.locator('#end-h');
  await heading.waitFor({ timeout: 15000 }).catch(() => undefined);
  assert.ok(await heading.isVisible(), `${step}: the session ended`);
  assert.match((await heading.textContent()) ?? '', wanted.heading, `${step}: the end panel`);
  assert.equal(await page.locator('scorm-stage iframe:visible').count(), 0, `${step}: no content stays`);
  const end = Date.now() + 10000;
  let record: StoredCourseProgress | undefined;
  for (;;) {
    const records = await readStore<StoredCourseProgress>(page, 'courses');
    record = records.find((r) => r.learnerId === course.learner);
    if (record?.ended || Date.now() > end) break;
    await page.waitForTimeout(100);
  }
  assert.ok(record, `${step}: a course record`);
  assert.deepEqual(
    { completion: record.completionStatus, success: record.successStatus },
    { completion: wanted.completion, success: wanted.success },
    `${step}: the course status`,
  );
}

/** The organization's own TOC entry (the top treeitem) shows the course's rolled-up status. */
async function expectCourseStatus(page: Page, orgTitle: string, wanted: RegExp, step: string): Promise<void> {
  await waitForTocStatus(page, orgTitle, wanted).catch((e: Error) => assert.fail(`${step}: ${e.message}`));
}

const PLAYING = 'Playing the Game';
const ETIQUETTE = 'Etiquette';
const HANDICAPPING = 'Handicapping';
const HAVING_FUN = 'Having Fun';

describe('golf sequencing packages played to the end', () => {
  it('ForcedSequential: each SCO opens once the one before it is satisfied; the quiz completes the course', async () => {
    const course = await open('golf-SequencingForcedSequential_SCORM20043rdEdition', 'forced');
    const { page } = course;
    const toc = (states: TocState[]) =>
      Object.fromEntries(
        [PLAYING, ETIQUETTE, HANDICAPPING, HAVING_FUN, 'Quiz'].map((t, i) => [t, states[i]!]),
      );
    try {
      // SB.2.5 start flows into the first leaf. Every later SCO's disabled rule fires: its
      // "previous_sco_satisfied" objective reads a global nobody has written (not objectiveStatusKnown).
      await delivered(page, PLAYING, '1 start');
      await expectToc(page, toc(['enabled', 'disabled', 'disabled', 'disabled', 'disabled']), '1 start');

      // The last page sets completed + passed and commits: Playing's primary objective writes its global,
      // which Etiquette reads (§5.2 at Commit, mapInfo writeSatisfiedStatus → readSatisfiedStatus).
      await readToTheEnd(page);
      await expectToc(
        page,
        toc(['enabled', 'enabled', 'disabled', 'disabled', 'disabled']),
        '2 Playing satisfied',
      );

      // SB.2.7 continue: Etiquette is no longer disabled.
      await press(page, 'Continue', '3 continue');
      await delivered(page, ETIQUETTE, '3 continue');
      await readToTheEnd(page);
      await expectToc(
        page,
        toc(['enabled', 'enabled', 'enabled', 'disabled', 'disabled']),
        '3 Etiquette satisfied',
      );

      // SB.2.9 choice from the TOC.
      await choose(page, HANDICAPPING, '4 choose Handicapping');
      await delivered(page, HANDICAPPING, '4 choose Handicapping');
      await readToTheEnd(page);
      await expectToc(
        page,
        toc(['enabled', 'enabled', 'enabled', 'enabled', 'disabled']),
        '4 Handicapping satisfied',
      );

      // SB.2.8 previous (flow, no forwardOnly), then choice forward again.
      await press(page, 'Previous', '5 previous');
      await delivered(page, ETIQUETTE, '5 previous');
      await choose(page, HAVING_FUN, '5 choose Having Fun');
      await delivered(page, HAVING_FUN, '5 choose Having Fun');
      await readToTheEnd(page);
      await expectToc(
        page,
        toc(['enabled', 'enabled', 'enabled', 'enabled', 'enabled']),
        '5 Having Fun satisfied',
      );

      await press(page, 'Continue', '6 continue to the quiz');
      await delivered(page, 'Quiz', '6 continue to the quiz');
      await takeQuiz(page, true);

      // SB.2.7 continue past the last activity ends the session (SB.2.1 walks off the tree). Rollup
      // (RB.1.2b/RB.1.3b defaults): every SCO satisfied and completed → the course is passed and completed.
      await press(page, 'Continue', '7 continue past the end');
      await expectEnded(
        course,
        { heading: /finished the course/, completion: 'completed', success: 'passed' },
        '7 continue past the end',
      );
      await expectCourseStatus(
        page,
        'Golf Explained - Sequencing Forced Order',
        /^Passed$/,
        '7 course status',
      );
    } finally {
      await course.close();
    }
  });

  it('PreOrPostTestRollup: a failed pre-test sends the learner through the content to the post-test', async () => {
    const course = await open('golf-SequencingPreOrPostTestRollup_SCORM20043rdEdition', 'prepost');
    const { page } = course;
    const content = [PLAYING, ETIQUETTE, HANDICAPPING, HAVING_FUN];
    try {
      // Start flows through the invisible wrapper into the pre-test (no attempt yet, objective unknown). The
      // post-test is disabled until the content wrapper's global "content_completed" is satisfied. The
      // wrappers are invisible: only their children are in the TOC.
      await delivered(page, 'Pre Test', '1 start');
      await expectToc(
        page,
        {
          'Pre Test': 'enabled',
          ...Object.fromEntries(content.map((t) => [t, 'enabled'])),
          'Post Test': 'disabled',
          'Dummy Item': 'absent',
          'Content Wrapper': 'absent',
        },
        '1 start',
      );

      // Failing the pre-test writes "not satisfied" to the assessment global: the post-test stays disabled
      // (content not completed) and the pre-test's satisfied rule does not fire.
      await takeQuiz(page, false);
      await press(page, 'Continue', '2 continue after the failed pre-test');
      await delivered(page, PLAYING, '2 continue after the failed pre-test');
      await expectToc(
        page,
        { ...Object.fromEntries(content.map((t) => [t, 'enabled'])), 'Post Test': 'disabled' },
        '2 content open, post-test closed',
      );

      // Through the content by Continue; the last one by choice.
      await readToTheEnd(page);
      for (const [i, title] of [ETIQUETTE, HANDICAPPING].entries()) {
        await press(page, 'Continue', `3.${i} continue`);
        await delivered(page, title, `3.${i} continue`);
        await readToTheEnd(page);
      }
      await expectToc(page, { 'Post Test': 'disabled' }, '3 three of four completed');
      await choose(page, HAVING_FUN, '4 choose Having Fun');
      await delivered(page, HAVING_FUN, '4 choose Having Fun');
      await readToTheEnd(page);

      // The content wrapper's rule (all children completed → satisfied) writes "content_completed": the
      // post-test's disabled rule no longer fires.
      await expectToc(page, { 'Post Test': 'enabled' }, '4 all content completed');

      // Continue flows out of the content wrapper to the post-test.
      await press(page, 'Continue', '5 continue to the post-test');
      await delivered(page, 'Post Test', '5 continue to the post-test');
      await takeQuiz(page, true);

      // Continue past the last activity ends the session. The post-test wrote "satisfied" to the
      // assessment global, which the dummy wrapper's primary objective reads: the wrapper is satisfied, so
      // the course is completed (its rule: any child satisfied → completed) and passed (default rule).
      await press(page, 'Continue', '6 continue past the end');
      await expectEnded(
        course,
        { heading: /finished the course/, completion: 'completed', success: 'passed' },
        '6 continue past the end',
      );
      // Both tests are disabled now: the assessment objective they read is satisfied.
      await expectToc(page, { 'Pre Test': 'disabled', 'Post Test': 'disabled' }, '6 tests closed');
    } finally {
      await course.close();
    }
  });

  it('PreOrPostTestRollup: a passed pre-test completes the course and closes both tests', async () => {
    const course = await open('golf-SequencingPreOrPostTestRollup_SCORM20043rdEdition', 'pretest');
    const { page } = course;
    try {
      await delivered(page, 'Pre Test', '1 start');
      await takeQuiz(page, true);
      // The pre-test's primary objective writes "satisfied" to the assessment global at Terminate; Continue
      // then flows on into the content.
      await press(page, 'Continue', '2 continue after the passed pre-test');
      await delivered(page, PLAYING, '2 continue after the passed pre-test');
      // Both tests read that global: their "satisfied → disabled" rule fires. The content stays open.
      await expectToc(
        page,
        { 'Pre Test': 'disabled', [PLAYING]: 'enabled', [HAVING_FUN]: 'enabled', 'Post Test': 'disabled' },
        '2 tests closed',
      );
      // The dummy wrapper's primary objective reads the same global: satisfied, so the course is completed
      // (the organization's rule: any child satisfied → completed) and passed (RB.1.2b default) already.
      await expectCourseStatus(page, 'Golf Explained - Sequencing Pre or Post Test Rollup', /^Passed$/, '2');
      const exitAll = toolbarButton(page, 'Exit All');
      assert.ok(await exitAll.isEnabled(), '3 Exit All is enabled');
      await exitAll.click();
      await expectEnded(
        course,
        { heading: /finished the course/, completion: 'completed', success: 'passed' },
        '3 exit all',
      );
    } finally {
      await course.close();
    }
  });

  it('SimpleRemediation: flow only; a failed quiz sends the learner back to that topic alone', async () => {
    const course = await open('golf-SequencingSimpleRemediation_SCORM20043rdEdition', 'remedial');
    const { page } = course;
    const quizzes = ['Playing Quiz', 'Etiquette Quiz', 'Handicapping Quiz', 'Having Fun Quiz'];
    const all = [PLAYING, ETIQUETTE, HANDICAPPING, HAVING_FUN, ...quizzes];
    // choice="false" on the organization and the wrapper: nothing can be chosen, except that the current
    // item stays selectable (architecture.md, page contract).
    const onlyCurrent = (current: string) =>
      Object.fromEntries(all.map((t) => [t, t === current ? 'enabled' : 'disabled'])) as Record<
        string,
        TocState
      >;
    try {
      await delivered(page, PLAYING, '1 start');
      await expectToc(page, { ...onlyCurrent(PLAYING), 'Remediation Wrapper': 'absent' }, '1 start');

      // First pass: the four topics, then the four quizzes; the Handicapping quiz is failed.
      await readToTheEnd(page);
      for (const title of [ETIQUETTE, HANDICAPPING, HAVING_FUN]) {
        await press(page, 'Continue', `2 continue to ${title}`);
        await delivered(page, title, `2 continue to ${title}`);
        await expectToc(page, onlyCurrent(title), `2 ${title}`);
        await readToTheEnd(page);
      }
      for (const [i, quiz] of quizzes.entries()) {
        await press(page, 'Continue', `3 continue to ${quiz}`);
        await delivered(page, quiz, `3 continue to ${quiz}`);
        await takeQuiz(page, i !== 2);
      }

      // Continue from the last quiz: its post-condition rule exits to the wrapper (exitParent), whose rule
      // retries it because it is not satisfied (one quiz failed). In the new attempt, skip rules pass over
      // every topic and quiz whose global objective is satisfied (SB.2.2): Handicapping comes back.
      await press(page, 'Continue', '4 continue after the last quiz');
      await delivered(page, HANDICAPPING, '4 retry: remediation');
      await expectToc(page, onlyCurrent(HANDICAPPING), '4 retry');
      await readToTheEnd(page);

      // Continue skips Having Fun and the passed quizzes, to the failed quiz.
      await press(page, 'Continue', '5 continue to the failed quiz');
      await delivered(page, 'Handicapping Quiz', '5 continue to the failed quiz');
      await takeQuiz(page, true);

      // Continue: the Having Fun quiz is skipped (its global is satisfied), so the flow walks off the tree
      // and the session ends. Every quiz's objective is satisfied: the wrapper and the course are passed.
      await press(page, 'Continue', '6 continue past the end');
      await expectEnded(
        course,
        { heading: /finished the course/, completion: 'completed', success: 'passed' },
        '6 continue past the end',
      );
    } finally {
      await course.close();
    }
  });

  it('RandomTest: the post-test opens after the content, delivers a test in random order, retries once', async () => {
    const course = await open('golf-SequencingRandomTest_SCORM20043rdEdition', 'random');
    const { page } = course;
    const content = [PLAYING, ETIQUETTE, HANDICAPPING, HAVING_FUN];
    const tests = /^Test [1-4]$/;
    try {
      // The content wrapper and the four tests are invisible; the post-test (a visible cluster) is disabled
      // until the content wrapper's global "content_completed" is satisfied.
      await delivered(page, PLAYING, '1 start');
      await expectToc(
        page,
        {
          ...Object.fromEntries(content.map((t) => [t, 'enabled'])),
          'Post Test': 'disabled',
          'Content Wrapper': 'absent',
          'Test 1': 'absent',
          'Test 4': 'absent',
        },
        '1 start',
      );
      await readToTheEnd(page);
      for (const title of [ETIQUETTE, HANDICAPPING, HAVING_FUN]) {
        await choose(page, title, `2 choose ${title}`);
        await delivered(page, title, `2 choose ${title}`);
        await readToTheEnd(page);
      }
      await expectToc(page, { 'Post Test': 'enabled' }, '2 all content completed');

      // Choosing the post-test cluster flows into its first available child, in the order randomized at
      // the start of its attempt (SR.2, randomizationTiming onEachNewAttempt).
      await choose(page, 'Post Test', '3 choose the post-test');
      const first = await delivered(page, tests, '3 choose the post-test');
      await takeQuiz(page, false);

      // Continue: the test's rule exits to the post-test (exitParent), whose rule retries it (not
      // satisfied, attempt limit 2 not reached): a test is delivered again in a new attempt.
      await press(page, 'Continue', '4 continue after the failed test');
      await delivered(page, tests, `4 retry after failing ${first}`);
      await takeQuiz(page, true);

      // Continue: exitParent again; now the post-test is satisfied, so its exitAll rule ends the session.
      // The course is completed (any child satisfied) and passed (the post-test is its only contributor).
      await press(page, 'Continue', '5 continue after passing');
      await expectEnded(
        course,
        { heading: /finished the course/, completion: 'completed', success: 'passed' },
        '5 continue after passing',
      );
    } finally {
      await course.close();
    }
  });

  it('PostTestRollup4thEd: completion globals open each SCO; the quiz appears once the content is done', async () => {
    const course = await open('golf-SequencingPostTestRollup4thEd_SCORM20044thEdition', 'fourth');
    const { page } = course;
    const toc = (states: TocState[]) =>
      Object.fromEntries(
        [PLAYING, ETIQUETTE, HANDICAPPING, HAVING_FUN, 'Quiz'].map((t, i) => [t, states[i]!]),
      );
    try {
      // Each SCO is disabled until the previous one's completion global (adlseq:mapInfo
      // writeCompletionStatus → readCompletionStatus) says completed; the quiz is hidden from choice
      // until Having Fun is completed (and while it was never attempted).
      await delivered(page, PLAYING, '1 start');
      await expectToc(page, toc(['enabled', 'disabled', 'disabled', 'disabled', 'absent']), '1 start');
      await readToTheEnd(page);
      await expectToc(
        page,
        toc(['enabled', 'enabled', 'disabled', 'disabled', 'absent']),
        '2 Playing completed',
      );

      await press(page, 'Continue', '3 continue');
      await delivered(page, ETIQUETTE, '3 continue');
      await readToTheEnd(page);
      await choose(page, HANDICAPPING, '4 choose Handicapping');
      await delivered(page, HANDICAPPING, '4 choose Handicapping');
      await readToTheEnd(page);
      await expectToc(
        page,
        toc(['enabled', 'enabled', 'enabled', 'enabled', 'absent']),
        '4 Handicapping completed',
      );

      await press(page, 'Continue', '5 continue');
      await delivered(page, HAVING_FUN, '5 continue');
      await readToTheEnd(page);
      await expectToc(
        page,
        toc(['enabled', 'enabled', 'enabled', 'enabled', 'enabled']),
        '5 the quiz appears',
      );

      await choose(page, 'Quiz', '6 choose the quiz');
      await delivered(page, 'Quiz', '6 choose the quiz');
      await takeQuiz(page, true);

      // Continue past the last activity ends the session. Only the quiz rolls up (the content SCOs have
      // rollupObjectiveSatisfied and rollupProgressCompletion false): completed and passed.
      await press(page, 'Continue', '7 continue past the end');
      await expectEnded(
        course,
        { heading: /finished the course/, completion: 'completed', success: 'passed' },
        '7 continue past the end',
      );
      await expectCourseStatus(page, 'Golf Explained - 4th Edition Features', /^Passed$/, '7 course status');
    } finally {
      await course.close();
    }
  });
});
