// <scorm-dispatch-maker>: fill the form, make the package; the zip is built in the browser and the
// dispatches.json entry is shown.
import { expect, fixture, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { unzipSync, strFromU8 } from 'fflate';
import '../../src/app/dispatch-maker.js';
import type { DispatchMaker } from '../../src/app/dispatch-maker.js';
import { parseManifest } from '../../src/package/index.js';
import { openPlayerDb, type PlayerDatabase } from '../../src/storage/db.js';
import { readTemplates, until } from './host-lms.js';

describe('<scorm-dispatch-maker>', () => {
  let db: PlayerDatabase;
  let dbName: string;
  beforeEach(async () => {
    dbName = `test-maker-${Date.now()}`;
    db = await openPlayerDb(dbName);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(dbName);
  });

  async function maker(): Promise<DispatchMaker> {
    const el = await fixture<DispatchMaker>(
      html`<scorm-dispatch-maker .db=${db} .templates=${await readTemplates()}></scorm-dispatch-maker>`,
    );
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: DispatchMaker, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
  function type(el: DispatchMaker, sel: string, value: string) {
    const input = $<HTMLInputElement | HTMLTextAreaElement>(el, sel);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('is an accessible form with a generated token', async () => {
    const el = await maker();
    expect($<HTMLInputElement>(el, '#token').value).to.match(/^[A-Za-z0-9]{16}$/);
    await expect(el).to.be.accessible();
  });

  it('builds a relay zip for SCORM 1.2 and shows the entry to add', async () => {
    const el = await maker();
    type(el, '#course', 'courses/tea/');
    type(el, '#title', 'Tea <basics>');
    type(el, '#player', 'https://player.example.com/app/');
    type(el, '#token', 'teaToken1');
    type(el, '#origins', 'https://lms.example.com\nhttps://lms2.example.com/');
    $<HTMLInputElement>(el, 'input[name=scorm][value="1.2"]').click();
    $<HTMLInputElement>(el, 'input[name=mode][value=relay]').click();
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    const link = await until(
      () => el.shadowRoot!.querySelector<HTMLAnchorElement>('a[download]'),
      5000,
      'the link',
    );
    expect(link.download).to.equal('dispatch-tea-basics-scorm12.zip');
    const files = unzipSync(new Uint8Array(await (await fetch(link.href)).arrayBuffer()));
    const m = parseManifest(files['imsmanifest.xml']!);
    expect(m.version).to.equal('1.2');
    expect(m.title).to.equal('Tea <basics>');
    expect(strFromU8(files['index.html']!)).to.contain('<script src="shell.js"></script>');
    const script = strFromU8(files['shell.js']!);
    expect(script).to.contain('"teaToken1"');
    expect(script).to.contain('"relay"');
    expect(script).to.contain('"https://player.example.com/app/"');
    // The SCORM 1.2 shell: it looks for window.API and ends with LMSFinish.
    expect(script).to.contain('"API"').and.to.contain('"Finish"').and.not.to.contain('API_1484_11');
    expect(JSON.parse($(el, 'pre').textContent!)).to.deep.equal({
      teaToken1: {
        course: 'courses/tea/',
        title: 'Tea <basics>',
        enabled: true,
        allowedOrigins: ['https://lms.example.com', 'https://lms2.example.com'],
      },
    });
    await expect(el).to.be.accessible();
  });

  it('says what is wrong instead of building', async () => {
    const el = await maker();
    type(el, '#course', 'c/');
    type(el, '#title', 'T');
    type(el, '#token', 'a b');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    const alert = await until(() => el.shadowRoot!.querySelector('[role=alert]'), 5000, 'the error');
    expect(alert.textContent).to.contain('token must be 4 to 64');
    expect(el.shadowRoot!.querySelector('a[download]')).to.equal(null);
  });
});
