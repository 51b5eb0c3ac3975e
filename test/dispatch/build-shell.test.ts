// Building dispatch shells: filled templates that are valid SCORM packages, values escaped per context,
// reproducible zips within the size budget.
import { expect } from '@open-wc/testing';
import { unzipSync, strFromU8, gzipSync, strToU8 } from 'fflate';
import { buildShellFiles, buildShellZip, compactHtml, shellZipName } from '../../src/dispatch/build-shell.js';
import { DispatchError } from '../../src/dispatch/dispatch-error.js';
import { parseManifest } from '../../src/package/index.js';
import { readTemplates } from './host-lms.js';

const base = { token: 'k7Qw2mZp9xLr', playerUrl: 'https://player.example.com/scorm/', title: 'Demo course' };

describe('buildShellFiles', () => {
  it('reads the templates unchanged (the test server does not rewrite their inline script)', async () => {
    const t = await readTemplates();
    expect(t['1.2'].index).to.contain('// scorm-player dispatch shell, SCORM 1.2.');
    expect(t['2004'].index).to.contain('"{{js:playerUrl}}"');
  });

  it('makes a SCORM 1.2 package of one SCO launching index.html', async () => {
    const files = buildShellFiles({ ...base, scorm: '1.2' }, await readTemplates());
    const m = parseManifest(files['imsmanifest.xml']);
    expect(m.version).to.equal('1.2');
    expect(m.identifier).to.equal('dispatch-k7Qw2mZp9xLr');
    expect(m.title).to.equal('Demo course');
    expect(m.warnings).to.deep.equal([]);
    const items = m.defaultOrganization.items;
    expect(items.length).to.equal(1);
    expect(items[0]!.launchUrl).to.equal('index.html');
    expect(m.resources.map((r) => [r.scormType, r.href])).to.deep.equal([['sco', 'index.html']]);
  });

  it('makes a SCORM 2004 4th Edition package of one SCO launching index.html', async () => {
    const files = buildShellFiles({ ...base, scorm: '2004' }, await readTemplates());
    const m = parseManifest(files['imsmanifest.xml']);
    expect(m.version).to.equal('2004-4th');
    expect(m.warnings).to.deep.equal([]);
    expect(m.defaultOrganization.items[0]!.launchUrl).to.equal('index.html');
    expect(m.resources[0]!.scormType).to.equal('sco');
  });

  it('escapes a hostile title for HTML, script and XML, and the page still runs one script', async () => {
    const title = `</script><script>alert(1)</script> & "quotes" 'too' <b>`;
    const files = buildShellFiles({ ...base, scorm: '2004', title }, await readTemplates());
    const doc = new DOMParser().parseFromString(files['index.html'], 'text/html');
    expect(doc.title).to.equal(title);
    expect(doc.querySelectorAll('script').length).to.equal(1);
    expect(doc.querySelector('main p')!.textContent).to.equal(`Opening ${title}…`);
    expect(files['index.html']).to.not.contain('</script><script>');
    // The script's TITLE is the same string again.
    const script = doc.querySelector('script')!.textContent!;
    const literal = /TITLE = ("(?:[^"\\]|\\.)*")/.exec(script)![1]!;
    expect(JSON.parse(literal)).to.equal(title);
    expect(parseManifest(files['imsmanifest.xml']).title).to.equal(title);
  });

  it('fills every placeholder', async () => {
    for (const scorm of ['1.2', '2004'] as const) {
      const files = buildShellFiles({ ...base, scorm, mode: 'relay', route: 'query' }, await readTemplates());
      expect(files['index.html']).to.not.match(/\{\{/);
      expect(files['imsmanifest.xml']).to.not.match(/\{\{/);
      expect(files['index.html']).to.contain('MODE = "relay", ROUTE = "query"');
    }
  });

  it('normalizes the player URL to a folder and refuses bad options with codes', async () => {
    const t = await readTemplates();
    const files = buildShellFiles(
      { ...base, scorm: '1.2', playerUrl: 'https://p.example.com/app/index.html?x=1#y' },
      t,
    );
    expect(files['index.html']).to.contain('PLAYER = "https://p.example.com/app/"');
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DispatchError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => buildShellFiles({ ...base, scorm: '3' as '1.2' }, t))).to.equal('bad-version');
    expect(code(() => buildShellFiles({ ...base, scorm: '1.2', token: 'a b' }, t))).to.equal('bad-token');
    expect(code(() => buildShellFiles({ ...base, scorm: '1.2', token: 'abc' }, t))).to.equal('bad-token');
    expect(code(() => buildShellFiles({ ...base, scorm: '1.2', playerUrl: 'player/' }, t))).to.equal(
      'bad-player-url',
    );
    expect(
      code(() => buildShellFiles({ ...base, scorm: '1.2', playerUrl: 'javascript:alert(1)' }, t)),
    ).to.equal('bad-player-url');
    expect(code(() => buildShellFiles({ ...base, scorm: '1.2', title: ' ' }, t))).to.equal('bad-title');
    expect(code(() => buildShellFiles({ ...base, scorm: '1.2', title: 'x'.repeat(201) }, t))).to.equal(
      'bad-title',
    );
    expect(code(() => buildShellFiles({ ...base, scorm: '1.2', mode: 'frame' as 'relay' }, t))).to.equal(
      'bad-mode',
    );
  });
});

describe('buildShellZip', () => {
  it('holds imsmanifest.xml and index.html at the root, the same bytes each time, within budget', async () => {
    const t = await readTemplates();
    for (const scorm of ['1.2', '2004'] as const) {
      for (const mode of ['redirect', 'relay'] as const) {
        const zip = buildShellZip({ ...base, scorm, mode }, t);
        expect(buildShellZip({ ...base, scorm, mode }, t)).to.deep.equal(zip);
        const files = unzipSync(zip);
        expect(Object.keys(files).sort()).to.deep.equal(['imsmanifest.xml', 'index.html']);
        expect(strFromU8(files['index.html']!)).to.equal(
          buildShellFiles({ ...base, scorm, mode }, t)['index.html'],
        );
        expect(zip.byteLength).to.be.at.most(4096);
        expect(gzipSync(files['index.html']!, { level: 9 }).byteLength).to.be.at.most(3072);
      }
    }
  });

  it('names the zip after the title and version', () => {
    expect(shellZipName({ title: 'Café: the basics!', scorm: '2004' })).to.equal(
      'dispatch-cafe-the-basics-scorm2004.zip',
    );
    expect(shellZipName({ title: '???', scorm: '1.2' })).to.equal('dispatch-course-scorm12.zip');
  });
});

describe('compactHtml', () => {
  it('drops whole-line comments and indentation only', () => {
    const out = compactHtml('<script>\n  // a comment\n  var a = "http://x//y"; // kept\n</script>');
    expect(out).to.equal('<script>\nvar a = "http://x//y"; // kept\n</script>');
    expect(gzipSync(strToU8(out)).byteLength).to.be.greaterThan(0);
  });
});
