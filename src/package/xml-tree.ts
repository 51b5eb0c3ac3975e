// A namespace-aware view over fast-xml-parser's object output (preserveOrder off, which is the fast mode).
// fast-xml-parser keeps qualified names as written ("imsss:sequencing"); this module binds each prefix to
// its namespace URI through the xmlns declarations in scope (Namespaces in XML 1.0, section 6.1) and hands
// out elements tagged with their namespace family, so the manifest reader matches URIs, never prefixes.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ManifestError, ManifestErrorCode } from './manifest-error.js';
import { conventionalPrefixes, familyOf, Ns } from './namespaces.js';
import { lineAt } from './source-lines.js';

const ATTRS = '#attrs';
const TEXT = '#text';

type RawAttributes = Record<string, string>;
interface RawObject {
  [key: string]: RawValue | RawValue[] | RawAttributes | undefined;
}
type RawValue = string | RawObject;

export interface XmlElement {
  ns: Ns;
  /** The local name (after the colon). */
  local: string;
  /** The namespace URI, when the prefix is bound. */
  uri: string | undefined;
  /** The qualified name as written, for messages. */
  qname: string;
  attrs: RawAttributes | undefined;
  raw: RawValue;
  scope: Scope;
}

interface Binding {
  ns: Ns;
  uri: string | undefined;
}

/** The prefix bindings in scope at an element, with a per-scope cache of resolved names. */
export class Scope {
  private readonly names = new Map<string, { binding: Binding; local: string }>();

  constructor(
    private readonly bindings: ReadonlyMap<string, string>,
    private readonly onUndeclared: (prefix: string) => void,
  ) {}

  /** The scope of a child element that carries the given attributes (a new one only if it declares). */
  enter(attrs: RawAttributes | undefined): Scope {
    if (attrs === undefined) return this;
    let next: Map<string, string> | undefined;
    for (const key in attrs) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        next ??= new Map(this.bindings);
        next.set(key === 'xmlns' ? '' : key.slice(6), attrs[key] ?? '');
      }
    }
    return next ? new Scope(next, this.onUndeclared) : this;
  }

  /** Resolves an element name; unprefixed element names take the default namespace. */
  element(qname: string): { binding: Binding; local: string } {
    let hit = this.names.get(qname);
    if (hit === undefined) {
      const colon = qname.indexOf(':');
      hit =
        colon < 0
          ? { binding: this.prefix(''), local: qname }
          : { binding: this.prefix(qname.slice(0, colon)), local: qname.slice(colon + 1) };
      this.names.set(qname, hit);
    }
    return hit;
  }

  /** The binding of a prefix ('' = the default namespace). */
  prefix(prefix: string): Binding {
    const uri = this.bindings.get(prefix);
    if (uri !== undefined && uri !== '') return { ns: familyOf(uri), uri };
    if (prefix === '') return { ns: Ns.None, uri: undefined };
    if (prefix === 'xml') return { ns: Ns.Xml, uri: 'http://www.w3.org/XML/1998/namespace' };
    const conventional = conventionalPrefixes[prefix];
    if (conventional !== undefined) {
      this.onUndeclared(prefix);
      return { ns: conventional, uri: undefined };
    }
    this.onUndeclared(prefix);
    return { ns: Ns.Other, uri: undefined };
  }
}

// XML 1.0 4.2: entity declarations whose replacement text refers to other entities are how "billion
// laughs" documents grow. Manifests never need them, so they are refused outright; fast-xml-parser's own
// limits (below) bound the flat case.
const ENTITY_DECL = /<!ENTITY\s+(%\s*)?([^\s"']+)\s+("[^"]*"|'[^']*'|SYSTEM|PUBLIC)/g;
const ENTITY_REF = /&[A-Za-z_:][\w.:-]*;/;

function checkDoctype(text: string): void {
  const start = text.indexOf('<!DOCTYPE');
  if (start < 0) return;
  const close = text.indexOf(']>', start);
  const subset = text.slice(start, close < 0 ? text.indexOf('>', start) + 1 : close + 2);
  let count = 0;
  for (const m of subset.matchAll(ENTITY_DECL)) {
    count++;
    const [, parameter, name = '', value = ''] = m;
    if (parameter !== undefined || value === 'SYSTEM' || value === 'PUBLIC') {
      throw new ManifestError(
        ManifestErrorCode.ExternalEntity,
        `imsmanifest.xml declares the ${parameter ? 'parameter ' : 'external '}entity "${name}" in its DOCTYPE; ` +
          'external and parameter entities are never resolved',
        { element: '!DOCTYPE', line: lineAt(text, start + (m.index ?? 0)) },
      );
    }
    if (ENTITY_REF.test(value)) {
      throw new ManifestError(
        ManifestErrorCode.EntityExpansion,
        `imsmanifest.xml declares the entity "${name}" in terms of other entities (an entity-expansion ` +
          '"billion laughs" pattern); refused',
        { element: '!DOCTYPE', line: lineAt(text, start + (m.index ?? 0)) },
      );
    }
  }
  if (count > MAX_ENTITIES) {
    throw new ManifestError(
      ManifestErrorCode.EntityExpansion,
      `imsmanifest.xml declares ${count} entities in its DOCTYPE; at most ${MAX_ENTITIES} are allowed`,
      { element: '!DOCTYPE' },
    );
  }
}

const MAX_ENTITIES = 64;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ATTRS,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // An object here keeps the five XML entities and turns on character references (&#233;) without
  // adding HTML's named entities, which XML does not have.
  // (The typings say boolean; the implementation takes an entity map: src/xmlparser/OrderedObjParser.js.)
  htmlEntities: {} as boolean,
  processEntities: {
    enabled: true,
    maxEntityCount: MAX_ENTITIES,
    maxEntitySize: 4096,
    maxTotalExpansions: 10_000,
    maxExpandedLength: 1_000_000,
  },
  maxNestedTags: 512,
  // No callback here needs the element path as a string; building it for every node costs time.
  jPath: false,
});

export interface ParsedDocument {
  root: XmlElement;
}

/**
 * Parses XML text into the root element. Throws ManifestError for XML that is not well-formed (with the
 * line and column) and for refused entity declarations.
 */
export function parseXml(
  text: string,
  onUndeclared: (prefix: string) => void,
  what = 'imsmanifest.xml',
): XmlElement {
  checkDoctype(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new ManifestError(
      ManifestErrorCode.MalformedXml,
      `${what} is not well-formed XML: ${msg} (line ${line}, column ${col})`,
      { line, column: col },
    );
  }
  let doc: RawObject;
  try {
    doc = parser.parse(text) as RawObject;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /external|parameter entit/i.test(message)
      ? ManifestErrorCode.ExternalEntity
      : /entit|expan/i.test(message)
        ? ManifestErrorCode.EntityExpansion
        : ManifestErrorCode.MalformedXml;
    throw new ManifestError(code, `${what} could not be read: ${message}`);
  }
  const top = new Scope(new Map(), onUndeclared);
  for (const key in doc) {
    const value = doc[key];
    if (key === ATTRS || key === TEXT || value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined) continue;
    return makeElement(key, first as RawValue, top);
  }
  throw new ManifestError(ManifestErrorCode.MalformedXml, `${what} has no root element`);
}

function makeElement(qname: string, raw: RawValue, parentScope: Scope): XmlElement {
  const attrs = typeof raw === 'string' ? undefined : (raw[ATTRS] as RawAttributes | undefined);
  const scope = parentScope.enter(attrs);
  const { binding, local } = scope.element(qname);
  return { ns: binding.ns, uri: binding.uri, local, qname, attrs, raw, scope };
}

/** The child elements, in document order within each name (fast-xml-parser groups same-named siblings). */
export function children(el: XmlElement): XmlElement[] {
  const raw = el.raw;
  const out: XmlElement[] = [];
  if (typeof raw === 'string') return out;
  for (const key in raw) {
    if (key === ATTRS || key === TEXT) continue;
    const value = raw[key] as RawValue | RawValue[] | undefined;
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out.push(makeElement(key, v, el.scope));
    else out.push(makeElement(key, value, el.scope));
  }
  return out;
}

/** The element's text content, trimmed ('' when it has none). */
export function textOf(el: XmlElement): string {
  const raw = el.raw;
  if (typeof raw === 'string') return raw;
  const t = raw[TEXT];
  return typeof t === 'string' ? t : '';
}

/** An unprefixed attribute (attributes without a prefix are in no namespace). */
export function attr(el: XmlElement, local: string): string | undefined {
  return el.attrs?.[local];
}

/**
 * A namespaced attribute, matched by the namespace its prefix is bound to. With `anyCase`, the local name
 * matches case-insensitively (adlcp:scormtype in 1.2, adlcp:scormType in 2004).
 */
export function nsAttr(el: XmlElement, ns: Ns, local: string, anyCase = false): string | undefined {
  const attrs = el.attrs;
  if (attrs === undefined) return undefined;
  const want = anyCase ? local.toLowerCase() : local;
  for (const key in attrs) {
    const colon = key.indexOf(':');
    if (colon < 0) continue;
    const name = key.slice(colon + 1);
    if ((anyCase ? name.toLowerCase() : name) !== want) continue;
    const prefix = key.slice(0, colon);
    if (prefix === 'xmlns') continue;
    if (el.scope.prefix(prefix).ns === ns) return attrs[key];
  }
  return undefined;
}

/** The names of the element's namespaced attributes with the given local name, as written (for version sniffing). */
export function attrSpelling(el: XmlElement, ns: Ns, local: string): string | undefined {
  const attrs = el.attrs;
  if (attrs === undefined) return undefined;
  for (const key in attrs) {
    const colon = key.indexOf(':');
    if (colon < 0) continue;
    const name = key.slice(colon + 1);
    if (name.toLowerCase() === local.toLowerCase() && el.scope.prefix(key.slice(0, colon)).ns === ns)
      return name;
  }
  return undefined;
}

/** A short description of an element for messages: `item[identifier=intro]`. */
export function describe(el: XmlElement, identifier = attr(el, 'identifier')): string {
  return identifier ? `${el.local}[identifier=${identifier}]` : el.local;
}
