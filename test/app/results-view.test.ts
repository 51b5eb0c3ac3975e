import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/app/results-view.js';
import type { ResultsView } from '../../src/app/results-view.js';
import { attemptState, courseProgress, freshDb, storedPackage, until } from './helpers.js';

const quizValues = {
  'cmi.interactions.0.id': 'q-temperature',
  'cmi.interactions.0.type': 'choice',
  'cmi.interactions.0.description': '1. Which water temperature?',
  'cmi.interactions.0.correct_responses.0.pattern': 'about-80',
  'cmi.interactions.0.learner_response': 'boiling',
  'cmi.interactions.0.result': 'incorrect',
  'cmi.interactions.1.id': 'q-steep-longer',
  'cmi.interactions.1.type': 'true-false',
  'cmi.interactions.1.correct_responses.0.pattern': 'true',
  'cmi.interactions.1.learner_response': 'true',
  'cmi.interactions.1.result': 'correct',
};

describe('<scorm-results-view>', () => {
  let env: Awaited<ReturnType<typeof freshDb>>;
  beforeEach(async () => {
    env = await freshDb();
    const manifest = storedPackage().manifest;
    manifest.organizations = [
      {
        ...manifest.defaultOrganization,
        items: [
          {
            identifier: 'sco-intro',
            title: 'Introduction',
            isVisible: true,
            children: [],
            dataMaps: [],
            hideLmsUi: [],
          },
          {
            identifier: 'sco-quiz',
            title: 'Quiz',
            isVisible: true,
            children: [],
            dataMaps: [],
            hideLmsUi: [],
          },
        ],
      },
    ];
    await env.db.put('packages', storedPackage({ id: 'p1', manifestIdentifier: 'org.tea', manifest }));
    await env.db.put(
      'courses',
      courseProgress({
        courseKey: 'pkg:org.tea',
        learnerId: 'u1',
        learnerName: 'Jane',
        title: 'Tea course',
        completionStatus: 'completed',
        successStatus: 'passed',
        scoreScaled: 0.5,
        totalSeconds: 125,
        updatedAt: '2026-01-02T00:00:00Z',
      }),
    );
    await env.db.put(
      'courses',
      courseProgress({
        courseKey: 'url:https://x.test/c/imsmanifest.xml',
        learnerId: 'u2',
        title: 'URL course',
      }),
    );
    // Stored out of manifest order: the view orders items as the manifest does.
    await env.db.put('attempts', {
      courseKey: 'pkg:org.tea',
      learnerId: 'u1',
      itemId: 'sco-quiz',
      updatedAt: '2026-01-02T00:00:00Z',
      state: attemptState({
        completionStatus: 'completed',
        successStatus: 'passed',
        scoreScaled: 0.5,
        scoreRaw: 2,
        scoreMin: 0,
        scoreMax: 4,
        totalSeconds: 65,
        data: { values: quizValues, counts: { 'cmi.interactions': 2 } },
      }),
    });
    await env.db.put('attempts', {
      courseKey: 'pkg:org.tea',
      learnerId: 'u1',
      itemId: 'sco-intro',
      updatedAt: '2026-01-01T00:00:00Z',
      state: attemptState({ completionStatus: 'completed', totalSeconds: 60 }),
    });
  });
  afterEach(() => env.dispose());

  async function render(course?: string, learnerId?: string) {
    const el = await fixture<ResultsView>(
      html`<scorm-results-view .db=${env.db} .course=${course} .learnerId=${learnerId}></scorm-results-view>`,
    );
    await until(() => el.results, 5000, 'results');
    await el.updateComplete;
    return el;
  }

  it('shows every course and learner, newest first, with status, score and time', async () => {
    const el = await render();
    const articles = [...el.shadowRoot!.querySelectorAll('article')];
    expect(articles.map((a) => a.querySelector('h2')!.textContent)).to.deep.equal([
      'Tea course',
      'URL course',
    ]);
    const tea = articles[0]!;
    expect(tea.querySelector('.course-status')!.textContent!.trim()).to.equal('Passed');
    expect(tea.querySelector('.course-score')!.textContent).to.equal('50%');
    expect(tea.textContent).to.contain('Jane (u1)');
    expect(tea.textContent).to.contain('2 min, 5 sec');
    await expect(el).to.be.accessible();
  });

  it('details each item in manifest order, and its interactions', async () => {
    const el = await render('pkg:org.tea');
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(1);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr[data-item]')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).to.deep.equal(['Introduction', 'Quiz']);
    expect(rows[1]!.querySelector('.item-score')!.textContent).to.equal('2 / 4 (50%)');
    const details = el.shadowRoot!.querySelector('details')!;
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    const interactions = [...details.querySelectorAll('tr[data-interaction]')];
    expect(interactions.map((r) => r.getAttribute('data-interaction'))).to.deep.equal([
      'q-temperature',
      'q-steep-longer',
    ]);
    expect(interactions[0]!.textContent).to.contain('boiling');
    expect(interactions[0]!.textContent).to.contain('incorrect');
    await expect(el).to.be.accessible();
  });

  it('filters by a course URL and by learner', async () => {
    const byUrl = await render('https://x.test/c/');
    expect([...byUrl.shadowRoot!.querySelectorAll('article h2')].map((h) => h.textContent)).to.deep.equal([
      'URL course',
    ]);
    const byLearner = await render(undefined, 'u1');
    expect([...byLearner.shadowRoot!.querySelectorAll('article h2')].map((h) => h.textContent)).to.deep.equal(
      ['Tea course'],
    );
  });

  it('exports CSV and JSON as downloads', async () => {
    const el = await render('pkg:org.tea');
    const downloads: { name: string; text: Promise<string> }[] = [];
    const catcher = (event: Event) => {
      const a = event.target as HTMLAnchorElement;
      if (a instanceof HTMLAnchorElement && a.download) {
        event.preventDefault();
        downloads.push({ name: a.download, text: fetch(a.href).then((r) => r.text()) });
      }
    };
    document.addEventListener('click', catcher, true);
    try {
      const [csv, json] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')];
      csv!.click();
      json!.click();
    } finally {
      document.removeEventListener('click', catcher, true);
    }
    expect(downloads.map((d) => d.name.replace(/\d{4}-\d\d-\d\d/, 'DATE'))).to.deep.equal([
      'scorm-results-DATE.csv',
      'scorm-results-DATE.json',
    ]);
    const csvText = await downloads[0]!.text;
    expect(csvText.split('\r\n').filter((l) => l.startsWith('interaction,'))).to.have.length(2);
    const parsed = JSON.parse(await downloads[1]!.text);
    expect(parsed.results[0].items[1].interactions[1].id).to.equal('q-steep-longer');
  });
});
