import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { zipSync } from 'fflate';
import '../../src/app/import-panel.js';
import type { ImportPanel, PackageImportedEvent } from '../../src/app/import-panel.js';
import { freshDb, until } from './helpers.js';

const demoFiles = [
  'imsmanifest.xml',
  'welcome.html',
  'brewing.html',
  'quiz.html',
  'quiz.js',
  'wrapup.html',
  'shared/scorm.js',
  'shared/pages.js',
  'shared/course.css',
];

/** The demo course zipped at test time, optionally padded with incompressible bytes to make it slow. */
async function demoZip(padding = 0): Promise<File> {
  const files: Record<string, Uint8Array> = {};
  for (const path of demoFiles) {
    files[path] = new Uint8Array(await (await fetch(`/public/demo/${path}`)).arrayBuffer());
  }
  if (padding > 0) {
    const noise = new Uint8Array(padding);
    for (let i = 0; i < noise.length; i += 65536) crypto.getRandomValues(noise.subarray(i, i + 65536));
    for (let n = 0; n < 8; n++) files[`media/noise-${n}.bin`] = noise;
  }
  return new File([zipSync(files, { level: 0 })], 'tea.zip', { type: 'application/zip' });
}

describe('<scorm-import-panel>', () => {
  let env: Awaited<ReturnType<typeof freshDb>>;
  beforeEach(async () => (env = await freshDb()));
  afterEach(() => env.dispose());

  it('imports a dropped zip, showing progress, and announces it', async () => {
    const el = await fixture<ImportPanel>(html`<scorm-import-panel .db=${env.db}></scorm-import-panel>`);
    const file = await demoZip();
    const data = new DataTransfer();
    data.items.add(file);
    const imported = oneEvent(el, 'scorm-package-imported') as Promise<PackageImportedEvent>;
    const zone = el.shadowRoot!.querySelector('section')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(zone.classList.contains('over')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('progress')).to.exist;
    await expect(el).to.be.accessible();
    const { pkg } = await imported;
    expect(pkg.title).to.equal('A cup of tea: the scorm-player demo course');
    expect(pkg.fileCount).to.equal(demoFiles.length);
    expect((await env.db.get('packages', pkg.id))?.manifestIdentifier).to.equal('org.scorm-player.demo.tea');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Imported');
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
  });

  it('imports through the file picker', async () => {
    const el = await fixture<ImportPanel>(html`<scorm-import-panel .db=${env.db}></scorm-import-panel>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const data = new DataTransfer();
    data.items.add(await demoZip());
    input.files = data.files;
    const imported = oneEvent(el, 'scorm-package-imported') as Promise<PackageImportedEvent>;
    input.dispatchEvent(new Event('change'));
    const { pkg } = await imported;
    expect(await env.db.count('packages')).to.equal(1);
    expect(pkg.source).to.equal('tea.zip');
  });

  it('cancels an import: nothing is stored and it says so', async () => {
    const el = await fixture<ImportPanel>(html`<scorm-import-panel .db=${env.db}></scorm-import-panel>`);
    const done = el.importFile(await demoZip(4 * 1024 * 1024));
    const cancel = await until(
      () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Cancel'),
      5000,
      'the Cancel button',
    );
    cancel.click();
    expect(await done).to.equal(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Import cancelled');
    expect(await env.db.count('packages')).to.equal(0);
    expect(await env.db.count('files')).to.equal(0);
  });

  it('reports a file that is not a SCORM package', async () => {
    const el = await fixture<ImportPanel>(html`<scorm-import-panel .db=${env.db}></scorm-import-panel>`);
    const notZip = new File(['hello'], 'notes.zip', { type: 'application/zip' });
    expect(await el.importFile(notZip)).to.equal(undefined);
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent).to.contain('Could not import notes.zip');
    expect(status.classList.contains('error')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
