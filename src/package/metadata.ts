// Titles and descriptions from <metadata> (CAM 4): inline LOM (IEEE LOM for 2004, the IMS MD 1.2 binding
// for 1.2) or an external LOM file named by adlcp:location, read through the caller's readFile (never
// fetched). Only general/title and general/description are used.
import { Ns } from './namespaces.js';
import { children, parseXml, textOf, type XmlElement } from './xml-tree.js';
import { ManifestError } from './manifest-error.js';
import { decodeXml } from './decode-xml.js';
import { resolveReference } from './launch-url.js';

export interface MetadataText {
  title?: string;
  description?: string;
}

export interface MetadataContext {
  readFile: ((path: string) => string | Uint8Array | undefined) | undefined;
  /** Reports an adlcp:location that could not be read or parsed. */
  unreadable: (location: string, reason: string) => void;
  onUndeclared: (prefix: string) => void;
}

/** Reads title and description from a <metadata> element. */
export function readMetadata(metadata: XmlElement, ctx: MetadataContext): MetadataText {
  const out: MetadataText = {};
  for (const el of children(metadata)) {
    if (el.ns === Ns.Lom && el.local === 'lom') fromLom(el, out);
    else if (el.ns === Ns.Adlcp && el.local === 'location') fromLocation(textOf(el), ctx, out);
  }
  return out;
}

function fromLocation(location: string, ctx: MetadataContext, out: MetadataText): void {
  if (location === '' || ctx.readFile === undefined) return;
  const path = resolveReference(undefined, location);
  let bytes: string | Uint8Array | undefined;
  try {
    bytes = ctx.readFile(path);
  } catch (error) {
    ctx.unreadable(location, error instanceof Error ? error.message : String(error));
    return;
  }
  if (bytes === undefined) {
    ctx.unreadable(location, 'the file is not in the package');
    return;
  }
  try {
    const root = parseXml(decodeXml(bytes).text, ctx.onUndeclared, location);
    if (root.ns === Ns.Lom && root.local === 'lom') {
      // Inline metadata wins over the external file where both are given.
      const external: MetadataText = {};
      fromLom(root, external);
      out.title ??= external.title;
      out.description ??= external.description;
    }
  } catch (error) {
    ctx.unreadable(location, error instanceof ManifestError ? error.message : String(error));
  }
}

function fromLom(lom: XmlElement, out: MetadataText): void {
  for (const general of children(lom)) {
    if (general.ns !== Ns.Lom || general.local !== 'general') continue;
    for (const el of children(general)) {
      if (el.ns !== Ns.Lom) continue;
      if (el.local === 'title' && out.title === undefined) {
        const t = langString(el);
        if (t) out.title = t;
      } else if (el.local === 'description' && out.description === undefined) {
        const d = langString(el);
        if (d) out.description = d;
      }
    }
  }
}

/** The first non-empty <string> (LOM 2004) or <langstring> (IMS MD 1.2) of a LangString element. */
function langString(el: XmlElement): string | undefined {
  for (const s of children(el)) {
    if (s.ns === Ns.Lom && (s.local === 'string' || s.local === 'langstring')) {
      const t = textOf(s);
      if (t !== '') return t;
    }
  }
  return undefined;
}
