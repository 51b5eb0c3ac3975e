// The player on hand-built manifests whose launch URLs point at the pages of the one-file-per-sco-12 fixture
// (which never call the API):
// hidden items, prerequisites, hideLMSUI, several organizations, a missing launch file.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/player/scorm-player.js';
import { navigatorFactory } from '../../src/app/navigators.js';
import type { ScormPlayer } from '../../src/player/scorm-player.js';
import type { ScormToc } from '../../src/player/scorm-toc.js';
import type { Manifest, Organization } from '../../src/package/types.js';
import { MemoryProgressStore } from '../../src/storage/progress-memory.js';
import { item, manifest, type ItemSpec } from '../sequencing/manifest-builder.js';
import { expectAccessible } from './audit.js';

const base = '/test/fixtures/one-file-per-sco-12/';
const page = (p: string) => ({ launch: p });

const frameOf = (p: ScormPlayer) =>
  p.shadowRoot!.querySelector('scorm-stage')?.shadowRoot?.querySelector('iframe') ?? null;
const toc = (p: ScormPlayer) => p.shadowRoot!.querySelector('scorm-toc') as ScormToc;
const names = (p: ScormPlayer) => {
  const root = toc(p).shadowRoot!;
  return [...root.querySelectorAll('[role="treeitem"]')].map(
    (i) => root.getElementById(i.getAttribute('aria-labelledby')!)!.textContent,
  );
};
const treeitem = (p: ScormPlayer, name: string) => {
  const root = toc(p).shadowRoot!;
  return [...root.querySelectorAll('[role="treeitem"]')].find(
    (i) => root.getElementById(i.getAttribute('aria-labelledby')!)!.textContent === name,
  )!;
};
const buttons = (p: ScormPlayer) =>
  [...(p.shadowRoot!.querySelector('scorm-toolbar')?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) =>
    b.textContent!.trim(),
  );

function mount(m: Manifest, store = new MemoryProgressStore()): Promise<ScormPlayer> {
  return fixture<ScormPlayer>(
    html`<scorm-player
      .navigatorFactory=${navigatorFactory}
      .manifest=${m}
      .store=${store}
      .learner=${{ id: 'u1' }}
      course-key="test:course"
      content-base=${base}
    ></scorm-player>`,
  );
}

describe('<scorm-player> on hand-built manifests', () => {
  afterEach(() => fixtureCleanup());

  it('hides isvisible=false items, disables items whose prerequisites are unmet, hides hideLMSUI buttons', async () => {
    const items: ItemSpec[] = [
      { id: 'a', title: 'How to Play', ...page('tying/intro.html'), extra: { hideLmsUi: ['exitAll'] } },
      { id: 'b', title: 'Par', ...page('tying/bowline.html'), prerequisites: 'a' },
      { id: 'h', title: 'Secret', ...page('tying/clove.html'), visible: false },
    ];
    const player = await mount(manifest('1.2', items, { title: 'Hand-built' }));
    await waitUntil(() => frameOf(player)?.title === 'How to Play', 'not delivered');
    expect(names(player)).to.deep.equal(['Hand-built', 'How to Play', 'Par']);
    expect(treeitem(player, 'Par').getAttribute('aria-disabled')).to.equal('true');
    expect(treeitem(player, 'How to Play').hasAttribute('aria-disabled')).to.equal(false);
    expect(buttons(player)).to.deep.equal(['Previous', 'Continue', 'Exit', 'Suspend']);
    await expectAccessible(player);
  });

  it('offers a choice of organizations when there are several', async () => {
    const m = manifest('1.2', [{ id: 'a', title: 'How to Play', ...page('tying/intro.html') }]);
    const second: Organization = {
      ...m.defaultOrganization,
      identifier: 'org2',
      title: 'Short version',
      items: [item({ id: 'z', title: 'Par', launch: 'tying/bowline.html' })],
    };
    m.organizations = [m.defaultOrganization, second];
    const player = await mount(m);
    await waitUntil(() => player.shadowRoot!.querySelector('.orgs'), 'no organization choice');
    const choices = [...player.shadowRoot!.querySelectorAll('.orgs button')];
    expect(choices.map((b) => b.textContent!.trim())).to.deep.equal([
      'Course (recommended)',
      'Short version',
    ]);
    await expectAccessible(player);
    (choices[1] as HTMLButtonElement).click();
    await waitUntil(() => frameOf(player)?.title === 'Par', 'chosen organization not played');
    expect(names(player)).to.deep.equal(['Short version', 'Par']);
  });

  it('shows the stage error view when the launch file is missing', async () => {
    const player = await mount(manifest('1.2', [{ id: 'a', title: 'Gone', ...page('tying/gone.html') }]));
    const stage = () => player.shadowRoot!.querySelector('scorm-stage')!;
    await waitUntil(() => stage().status === 'error', 'no error view', { timeout: 10000 });
    expect(stage().shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('missing');
    expect(frameOf(player)).to.equal(null);
  });
});
