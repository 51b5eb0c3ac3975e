// Entities: never resolved from outside, and bounded inside (billion laughs fails clearly and fast).
import { expect } from '@open-wc/testing';
import { ManifestError, parseManifest } from '../../src/package/index.js';
import { manifest2004 } from './manifest-fixtures.js';

function withDoctype(subset: string, title = 'T'): string {
  return manifest2004({
    items: `<item identifier="i1" identifierref="r1"><title>${title}</title></item>`,
  }).replace('<manifest ', `<!DOCTYPE manifest [${subset}]>\n<manifest `);
}

function failure(xml: string): { error: ManifestError; ms: number } {
  const start = performance.now();
  try {
    parseManifest(xml);
  } catch (error) {
    if (error instanceof ManifestError) return { error, ms: performance.now() - start };
    throw error;
  }
  throw new Error('parseManifest accepted the manifest');
}

describe('parseManifest: entities', () => {
  it('a billion-laughs manifest fails at once with entity-expansion', () => {
    let subset = '<!ENTITY lol0 "lol">';
    for (let i = 1; i < 10; i++) subset += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const { error, ms } = failure(withDoctype(subset, '&lol9;'));
    expect(error.code).to.equal('entity-expansion');
    expect(error.message).to.contain('lol1').and.contain('billion laughs');
    expect(ms).to.be.lessThan(500);
  });

  it('a flat expansion beyond the bound fails with entity-expansion', () => {
    const { error, ms } = failure(withDoctype(`<!ENTITY big "${'x'.repeat(4000)}">`, '&big;'.repeat(1000)));
    expect(error.code).to.equal('entity-expansion');
    expect(ms).to.be.lessThan(2000);
  });

  it('too many entity declarations fail', () => {
    let subset = '';
    for (let i = 0; i < 100; i++) subset += `<!ENTITY e${i} "v">`;
    expect(failure(withDoctype(subset)).error.code).to.equal('entity-expansion');
  });

  it('external and parameter entities are refused, never fetched', () => {
    const external = failure(withDoctype('<!ENTITY ext SYSTEM "file:///etc/passwd">', '&ext;')).error;
    expect(external.code).to.equal('external-entity');
    expect(external.message).to.contain('"ext"');
    expect(failure(withDoctype('<!ENTITY % p SYSTEM "http://example.com/x.dtd"> %p;')).error.code).to.equal(
      'external-entity',
    );
    expect(
      failure(withDoctype('<!ENTITY pub PUBLIC "-//X//EN" "http://example.com/x">')).error.code,
    ).to.equal('external-entity');
  });

  it('small internal entities and character references are expanded', () => {
    const m = parseManifest(withDoctype('<!ENTITY course "Golf">', '&course; &#233;t&#xE9; &amp; more'));
    expect(m.defaultOrganization.items[0]?.title).to.equal('Golf été & more');
  });
});
