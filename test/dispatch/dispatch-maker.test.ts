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

  it('says what is wrong next to each field, moves focus to the first, and builds nothing', async () => {
    const el = await maker();
    type(el, '#course', '');
    type(el, '#title', 'T');
    type(el, '#token', 'a b');
    type(el, '#player', 'not a url');
    $<HTMLInputElement>(el, 'input[name=mode][value=relay]').click();
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('#course-error'), 5000, 'the errors');
    const errorOf = (id: string) => {
      const input = $<HTMLElement>(el, `#${id}`);
      const error = el.shadowRoot!.querySelector(`#${id}-error`);
      // Next to its field: in the same block, and the field's description.
      expect(error, id).to.not.equal(null);
      expect(error!.parentElement!.contains(input), `${id}: the error sits with its field`).to.be.true;
      expect(input.getAttribute('aria-invalid'), id).to.equal('true');
      expect(input.getAttribute('aria-describedby')!.split(' '), id).to.include(`${id}-error`);
      return error!.textContent!.trim();
    };
    expect(errorOf('course')).to.equal('Give the course URL.');
    expect(errorOf('token')).to.contain('4 to 64');
    expect(errorOf('player')).to.contain('http(s) address of the player');
    expect(errorOf('origins')).to.contain('Relay mode needs');
    expect(el.shadowRoot!.querySelector('#title-error')).to.equal(null);
    expect($<HTMLInputElement>(el, '#title').getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.activeElement?.id).to.equal('course');
    expect(el.shadowRoot!.querySelector('a[download]')).to.equal(null);
    await expect(el).to.be.accessible();

    // Fixing the fields clears their errors on the next try.
    type(el, '#course', 'blob:https://x/1');
    type(el, '#token', 'good_token');
    type(el, '#player', 'https://player.example.com/');
    type(el, '#origins', 'lms.example.com');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => !el.shadowRoot!.querySelector('#token-error'), 5000, 'the token error to go');
    expect(errorOf('course')).to.contain('web server');
    expect(errorOf('origins')).to.contain('“lms.example.com” is not an origin');
  });

  it('offers only library courses the player can load from the web', async () => {
    const { storedPackage } = await import('../app/helpers.js');
    const tx = db.transaction('packages', 'readwrite');
    await tx.store.put(
      storedPackage({ id: 'web', title: 'From the web', source: 'https://cdn.example.com/tea.zip' }),
    );
    await tx.store.put(storedPackage({ id: 'file', title: 'From a file', source: 'tea.zip' }));
    await tx.store.put(storedPackage({ id: 'none', title: 'No source' }));
    await tx.done;
    const el = await maker();
    const select = await until(
      () => el.shadowRoot!.querySelector<HTMLSelectElement>('#library'),
      5000,
      'the list',
    );
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'web']);
    expect($(el, '#library-hint').textContent).to.contain('2 imported from files are not offered');
    select.value = 'web';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#course').value).to.equal('https://cdn.example.com/tea.zip');
    expect($<HTMLInputElement>(el, '#title').value).to.equal('From the web');
    await expect(el).to.be.accessible();
  });

  it('copies the token and the dispatches.json entry, and says so', async () => {
    const copiedTexts: string[] = [];
    let refuse = false;
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (text: string) => {
          if (refuse) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
          copiedTexts.push(text);
          return Promise.resolve();
        },
      },
    });
    try {
      const el = await maker();
      type(el, '#course', 'courses/tea/');
      type(el, '#title', 'Tea');
      type(el, '#token', 'teaToken1');
      $<HTMLButtonElement>(el, 'button.copy-token').click();
      await until(() => $(el, '#token-copied').textContent!.trim() === 'Copied', 5000, 'Copied');
      expect($(el, '#token-copied').getAttribute('role')).to.equal('status');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => el.shadowRoot!.querySelector('button.copy-entry'), 5000, 'the entry');
      $<HTMLButtonElement>(el, 'button.copy-entry').click();
      await until(() => $(el, '#entry-copied').textContent!.trim() === 'Copied', 5000, 'Copied');
      expect(copiedTexts[0]).to.equal('teaToken1');
      expect(JSON.parse(copiedTexts[1]!)).to.deep.equal(JSON.parse($(el, 'pre').textContent!));
      refuse = true;
      $<HTMLButtonElement>(el, 'button.copy-entry').click();
      await until(() => $(el, '#entry-copied').textContent!.includes('Could not copy'), 5000, 'the failure');
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });
});
