// checkFiles: listed files and launch files against the files of a package.
import { expect } from '@open-wc/testing';
import { checkFiles, parseManifest } from '../../src/package/index.js';
import { manifest2004 } from './manifest-fixtures.js';

const m = parseManifest(
  manifest2004({
    items: `<item identifier="i1" identifierref="r1"><title>One</title></item>
      <item identifier="i2" identifierref="r2"><title>Two</title></item>`,
    resources: `<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="sco/index.html?x=1" xml:base="course/">
        <file href="sco/index.html"/><file href="sco/my%20image.png"/><file href="sco/app.js"/></resource>
      <resource identifier="r2" type="webcontent" adlcp:scormType="asset" href="https://cdn.example.com/a.html"/>
      <resource identifier="r3" type="webcontent" adlcp:scormType="asset" href="unused.html"><file href="unused.html"/></resource>`,
  }),
);

describe('checkFiles', () => {
  it('says nothing when every file is there (names percent-decoded, queries dropped)', () => {
    const paths = ['course/sco/index.html', 'course/sco/my image.png', 'course/sco/app.js', 'unused.html'];
    expect(checkFiles(m, paths)).to.deep.equal([]);
  });

  it('reports absent listed files and absent launch files, once each', () => {
    const issues = checkFiles(m, ['course/sco/my image.png', 'unused.html']);
    expect(issues.map((i) => [i.code, i.element])).to.deep.equal([
      ['file-missing', 'resource[identifier=r1]'],
      ['file-missing', 'resource[identifier=r1]'],
      ['launch-file-missing', 'resource[identifier=r1]'],
    ]);
    expect(issues[0]?.message).to.contain('course/sco/index.html');
    expect(issues[1]?.message).to.contain('course/sco/app.js');
    expect(issues[2]?.message).to.contain('launches "course/sco/index.html?x=1"');
  });

  it('leaves the manifest unchanged and ignores absolute URLs', () => {
    const before = m.warnings.length;
    const issues = checkFiles(m, new Set<string>());
    expect(m.warnings.length).to.equal(before);
    expect(issues.some((i) => i.message.includes('cdn.example.com'))).to.equal(false);
    // unused.html is listed (a file) but is not launched by any item: only file-missing.
    expect(issues.filter((i) => i.message.includes('unused.html')).map((i) => i.code)).to.deep.equal([
      'file-missing',
    ]);
  });
});
