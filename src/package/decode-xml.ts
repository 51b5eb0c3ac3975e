// Turns the bytes of an XML document into text: the BOM first, then the byte pattern of "<?xml" (XML 1.0
// Appendix F), then the encoding named in the XML declaration. Decoding is left to TextDecoder.
import { ManifestError, ManifestErrorCode } from './manifest-error.js';

export interface DecodedXml {
  text: string;
  /** The encoding label used. */
  encoding: string;
  /** Set when the declared encoding did not fit the bytes and windows-1252 was used instead. */
  fallbackFrom?: string;
}

// TextDecoder is in every browser and in Node, but in no ES lib: type the part we use, so this module
// type-checks without the DOM library (it must run in Node too).
interface TextDecoderLike {
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
}
type TextDecoderConstructor = new (label?: string, options?: { fatal?: boolean }) => TextDecoderLike;
const TextDecoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;

const ASCII = new TextDecoder('latin1');

/** Decodes manifest bytes; strings pass through with any leading BOM removed. */
export function decodeXml(input: string | Uint8Array): DecodedXml {
  if (typeof input === 'string') {
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: 'utf-16' };
  }
  const b = input;
  // XML 1.0 F.1: byte order marks.
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return decodeWith('utf-8', b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return decodeWith('utf-16le', b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return decodeWith('utf-16be', b.subarray(2));
  // XML 1.0 F.1: no BOM, but "<?" in UTF-16.
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return decodeWith('utf-16le', b);
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return decodeWith('utf-16be', b);
  // ASCII-compatible: read the declaration (XML 1.0 4.3.3); UTF-8 when it names none.
  const head = ASCII.decode(b.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1];
  let label = declared?.toLowerCase() ?? 'utf-8';
  // A declaration read in ASCII cannot be true if it says UTF-16 (F.1 would have matched above): tools
  // that re-encode a file to UTF-8 often leave the old declaration behind.
  if (label.startsWith('utf-16') || label === 'unicode') label = 'utf-8';
  if (label === 'utf-8' || label === 'utf8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
    } catch {
      // Authoring tools often write windows-1252 and call it UTF-8; read it rather than refuse the course.
      return { ...decodeWith('windows-1252', b), fallbackFrom: 'utf-8' };
    }
  }
  return decodeWith(label, b);
}

function decodeWith(label: string, bytes: Uint8Array): DecodedXml {
  let decoder: TextDecoderLike;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new ManifestError(
      ManifestErrorCode.UnsupportedEncoding,
      `imsmanifest.xml declares the encoding "${label}", which this reader cannot decode`,
      { element: '?xml' },
    );
  }
  const text = decoder.decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: decoder.encoding };
}
