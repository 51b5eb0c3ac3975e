// launch-url.ts: xml:base resolution (RFC 3986) and the CAM rule for joining parameters.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  appendParameters,
  combineBases,
  hrefProblem,
  isAbsoluteUrl,
  launchUrl,
  launchUrlProblem,
  removeDotSegments,
  resolveReference,
} from '../../src/package/launch-url.js';

describe('appendParameters (CAM 3.4.1.16)', () => {
  const rows: [string, string | undefined, string][] = [
    ['a.html', undefined, 'a.html'],
    ['a.html', '', 'a.html'],
    ['a.html', '?', 'a.html'],
    ['a.html', 'x=1', 'a.html?x=1'],
    ['a.html', '?x=1', 'a.html?x=1'],
    ['a.html', '??&x=1', 'a.html?x=1'],
    ['a.html', '&x=1&y=2', 'a.html?x=1&y=2'],
    ['a.html?q=0', 'x=1', 'a.html?q=0&x=1'],
    ['a.html?q=0', '?x=1', 'a.html?q=0&x=1'],
    ['a.html', '#frag', 'a.html#frag'],
    ['a.html?q=0', '#frag', 'a.html?q=0'],
    ['a.html#top', '#frag', 'a.html#top'],
    ['a.html#top', 'x=1', 'a.html?x=1#top'],
    ['a.html?q=0#top', 'x=1', 'a.html?q=0&x=1#top'],
    ['https://cdn.example.com/a.html', '?x=1', 'https://cdn.example.com/a.html?x=1'],
  ];
  for (const [url, params, expected] of rows) {
    it(`${url} + ${String(params)} → ${expected}`, () => {
      expect(appendParameters(url, params)).to.equal(expected);
    });
  }
});

describe('resolveReference and combineBases (xml:base)', () => {
  it('concatenates relative bases, adding the missing slash', () => {
    expect(combineBases('course/', 'content', 'unit1/')).to.equal('course/content/unit1/');
    expect(combineBases(undefined, '', 'x')).to.equal('x/');
    expect(combineBases(undefined, undefined)).to.equal(undefined);
  });

  it('lets an absolute base win and resolves relative ones against it', () => {
    expect(combineBases('https://cdn.example.com/c/', 'a/', '../b/')).to.equal(
      'https://cdn.example.com/c/b/',
    );
    expect(combineBases('course/', 'https://media.example.com/m/')).to.equal('https://media.example.com/m/');
  });

  it('resolves hrefs, removing dot segments and keeping query and fragment as written', () => {
    expect(resolveReference('course/unit/', '../shared/a b.html?x=1#y')).to.equal(
      'course/shared/a b.html?x=1#y',
    );
    expect(resolveReference(undefined, './a/./b/../c.html')).to.equal('a/c.html');
    expect(resolveReference('x/', 'https://elsewhere.example/a.html')).to.equal(
      'https://elsewhere.example/a.html',
    );
    expect(resolveReference('https://cdn.example.com/p/', 'a%20b.html')).to.equal(
      'https://cdn.example.com/p/a%20b.html',
    );
  });

  it('reads a leading "/" (forbidden, warned about) from the package root', () => {
    expect(resolveReference(undefined, '/a.html')).to.equal('a.html');
    expect(resolveReference('course/', '/a.html')).to.equal('a.html');
    expect(resolveReference('/abs/', 'x.html')).to.equal('abs/x.html');
    expect(combineBases('/abs/', 'more/')).to.equal('abs/more/');
  });

  it('never climbs above the package root', () => {
    expect(removeDotSegments('../../etc/passwd')).to.equal('etc/passwd');
    expect(removeDotSegments('a/../../b')).to.equal('b');
    expect(removeDotSegments('a/b/..')).to.equal('a/');
  });

  it('launchUrl puts both together', () => {
    expect(launchUrl('course/content/', 'sco/index.html', '?page=1')).to.equal(
      'course/content/sco/index.html?page=1',
    );
  });
});

describe('href checks (CAM 3.4.1.18)', () => {
  it('flags a leading slash or a backslash, not network paths or relative ones', () => {
    expect(hrefProblem('/a.html')).to.contain('"/"');
    expect(hrefProblem('dir\\a.html')).to.contain('backslash');
    expect(hrefProblem('//cdn.example.com/a.html')).to.equal(undefined);
    expect(hrefProblem('dir/a.html')).to.equal(undefined);
    expect(isAbsoluteUrl('//cdn.example.com/a')).to.equal(true);
    expect(isAbsoluteUrl('mailto:x@example.com')).to.equal(true);
    expect(isAbsoluteUrl('dir/a:b.html')).to.equal(false);
  });
});

describe('launch-url properties (fast-check)', () => {
  const segment = fc.constantFrom('a', 'b', 'c.html', '.', '..', 'd e', '');
  // Leading '/' characters are dropped: '//x' is a network-path reference (another host), not a package path.
  const relativePath = fc
    .array(segment, { minLength: 1, maxLength: 8 })
    .map((s) => s.join('/').replace(/^\/+/, ''));

  it('resolved relative references keep no dot segments and stay inside the package', () => {
    fc.assert(
      fc.property(fc.option(relativePath, { nil: undefined }), relativePath, (base, href) => {
        const out = resolveReference(base, href);
        const segments = out.split('/');
        return !out.startsWith('/') && !segments.includes('..') && !segments.slice(0, -1).includes('.');
      }),
    );
  });

  it('query parameters are appended once, with ? or &', () => {
    const word = fc.stringMatching(/^[a-z0-9=]{1,12}$/);
    fc.assert(
      fc.property(word, fc.boolean(), word, (path, hasQuery, params) => {
        const url = `${path}.html${hasQuery ? '?q=1' : ''}`;
        return appendParameters(url, params) === `${url}${hasQuery ? '&' : '?'}${params}`;
      }),
    );
  });
});

describe('launchUrlProblem (content isolation)', () => {
  it('accepts package-relative references and http(s) URLs', () => {
    for (const url of ['index.html', 'a/b.html?x=1#y', '', 'https://cdn.example.com/a.html', 'HTTP://x/y'])
      expect(launchUrlProblem(url), url).to.equal(undefined);
  });

  it('refuses every other scheme, whatever its case', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:void(0)',
      'data:text/html,<b>x</b>',
      'blob:x',
      'file:///etc/passwd',
    ])
      expect(launchUrlProblem(url), url).to.match(/only files of the package and http\(s\) URLs/);
  });
});
