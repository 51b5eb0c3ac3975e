// Manifest encodings: UTF-8 with and without BOM, UTF-16 LE/BE, ISO-8859-1 from the XML declaration.
// The bytes are built here, in the test.
import { expect } from '@open-wc/testing';
import { parseManifest, ManifestError } from '../../src/package/index.js';
import { decodeXml } from '../../src/package/decode-xml.js';
import { manifest2004 } from './manifest-fixtures.js';

const title = 'Café – 日本語 ✓';
const xml = manifest2004({
  items: `<item identifier="i1" identifierref="r1"><title>${title}</title></item>`,
});

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(at + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not latin-1: ${c}`);
    return code;
  });
}

const itemTitle = (bytes: Uint8Array): string | undefined =>
  parseManifest(bytes).defaultOrganization.items[0]?.title;

describe('parseManifest: encodings', () => {
  it('UTF-8 without BOM', () => {
    expect(itemTitle(new TextEncoder().encode(xml))).to.equal(title);
  });

  it('UTF-8 with BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    expect(itemTitle(bytes)).to.equal(title);
  });

  it('UTF-16 little-endian and big-endian with BOM', () => {
    const declared = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(itemTitle(utf16(declared, true, true))).to.equal(title);
    expect(itemTitle(utf16(declared, false, true))).to.equal(title);
  });

  it('UTF-16 without BOM, told by the "<?" byte pattern', () => {
    const declared = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(itemTitle(utf16(declared, true, false))).to.equal(title);
    expect(itemTitle(utf16(declared, false, false))).to.equal(title);
  });

  it('ISO-8859-1 named in the XML declaration', () => {
    const text = manifest2004({
      items: '<item identifier="i1" identifierref="r1"><title>Élève à Zürich</title></item>',
    }).replace('encoding="UTF-8"', "encoding='ISO-8859-1'");
    const bytes = latin1(text);
    expect(bytes.includes(0xe9) || bytes.includes(0xc9)).to.equal(true);
    expect(itemTitle(bytes)).to.equal('Élève à Zürich');
    expect(parseManifest(bytes).warnings, 'decoded as declared, not by the fallback').to.deep.equal([]);
  });

  it('bytes that are not the UTF-8 they claim are read as windows-1252, with a warning', () => {
    const text = manifest2004({
      items: '<item identifier="i1" identifierref="r1"><title>Naïve</title></item>',
    });
    const m = parseManifest(latin1(text));
    expect(m.defaultOrganization.items[0]?.title).to.equal('Naïve');
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['encoding-fallback']);
  });

  it('UTF-8 bytes that still declare UTF-16 are read as UTF-8', () => {
    const bytes = new TextEncoder().encode(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'));
    expect(itemTitle(bytes)).to.equal(title);
  });

  it('a string with a leading BOM', () => {
    expect(parseManifest(`\uFEFF${xml}`).defaultOrganization.items[0]?.title).to.equal(title);
  });

  it('an encoding no decoder knows is a clear error', () => {
    const bytes = new TextEncoder().encode(xml.replace('encoding="UTF-8"', 'encoding="X-MADE-UP"'));
    try {
      parseManifest(bytes);
      expect.fail('accepted');
    } catch (error) {
      expect(error).to.be.instanceOf(ManifestError);
      expect((error as ManifestError).code).to.equal('unsupported-encoding');
      expect((error as ManifestError).message).to.contain('x-made-up');
    }
  });

  it('decodeXml reports the encoding used', () => {
    expect(decodeXml(utf16('<?xml version="1.0"?><a/>', false, true)).encoding).to.equal('utf-16be');
    expect(decodeXml(new TextEncoder().encode('<a/>')).encoding).to.equal('utf-8');
  });
});
