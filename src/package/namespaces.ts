// Namespace URIs of the SCORM manifest vocabularies, grouped by family. Elements and attributes are matched
// by the namespace URI their prefix is bound to (Namespaces in XML 1.0, section 6), never by the prefix
// itself: tools write `imscp:item`, `ims:item` or plain `item` for the same thing.

export const Ns = {
  /** IMS Content Packaging: 1.1.2 (SCORM 1.2) and 1.1.3/1.1.4 (SCORM 2004). */
  Cp: 'cp',
  /** ADL content packaging extensions (adlcp). */
  Adlcp: 'adlcp',
  /** ADL sequencing extensions (adlseq). */
  Adlseq: 'adlseq',
  /** ADL navigation extensions (adlnav). */
  Adlnav: 'adlnav',
  /** IMS Simple Sequencing (imsss). */
  Imsss: 'imsss',
  /** IEEE LOM and the IMS metadata 1.2 binding. */
  Lom: 'lom',
  /** The xml: prefix (xml:base, xml:lang), bound by definition. */
  Xml: 'xml',
  /** No namespace: unprefixed names with no default namespace in scope. */
  None: 'none',
  /** Any other namespace. */
  Other: 'other',
} as const;
export type Ns = (typeof Ns)[keyof typeof Ns];

/** A namespace URI → family and, where it tells one, the SCORM version family. */
export const knownNamespaces: Readonly<Record<string, { ns: Ns; scorm?: '1.2' | '2004' }>> = {
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2': { ns: Ns.Cp, scorm: '1.2' },
  'http://www.imsglobal.org/xsd/imscp_rootv1p1p2': { ns: Ns.Cp, scorm: '1.2' },
  'http://www.imsglobal.org/xsd/imscp_v1p1': { ns: Ns.Cp, scorm: '2004' },
  'http://www.imsglobal.org/xsd/imscp_v1p2': { ns: Ns.Cp, scorm: '2004' },
  'http://www.adlnet.org/xsd/adlcp_rootv1p2': { ns: Ns.Adlcp, scorm: '1.2' },
  'http://www.adlnet.org/xsd/adlcp_v1p3': { ns: Ns.Adlcp, scorm: '2004' },
  // Seen in the wild (and in the corpus) for 2004 packages; no such schema was published.
  'http://www.adlnet.org/xsd/adlcp_v1p2': { ns: Ns.Adlcp },
  'http://www.adlnet.org/xsd/adlseq_v1p3': { ns: Ns.Adlseq, scorm: '2004' },
  'http://www.adlnet.org/xsd/adlnav_v1p3': { ns: Ns.Adlnav, scorm: '2004' },
  'http://www.imsglobal.org/xsd/imsss': { ns: Ns.Imsss, scorm: '2004' },
  'http://ltsc.ieee.org/xsd/LOM': { ns: Ns.Lom },
  'http://ltsc.ieee.org/xsd/lomv1.0': { ns: Ns.Lom },
  'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1': { ns: Ns.Lom },
  'http://www.imsglobal.org/xsd/imsmd_v1p2': { ns: Ns.Lom },
  'http://www.w3.org/XML/1998/namespace': { ns: Ns.Xml },
};

/**
 * Prefixes used without a declaration are read by their conventional binding, so that a manifest that
 * forgot `xmlns:adlcp` still works (with a warning).
 */
export const conventionalPrefixes: Readonly<Record<string, Ns>> = {
  adlcp: Ns.Adlcp,
  adlseq: Ns.Adlseq,
  adlnav: Ns.Adlnav,
  imsss: Ns.Imsss,
  imscp: Ns.Cp,
  lom: Ns.Lom,
  imsmd: Ns.Lom,
  xml: Ns.Xml,
};

const guesses: [RegExp, Ns][] = [
  [/imscp/i, Ns.Cp],
  [/adlcp/i, Ns.Adlcp],
  [/adlseq/i, Ns.Adlseq],
  [/adlnav/i, Ns.Adlnav],
  [/imsss/i, Ns.Imsss],
  [/ltsc\.ieee\.org|imsmd|\/lom/i, Ns.Lom],
];

/**
 * The family of a namespace URI: the published ones exactly, then, for the misspellings tools write
 * (a trailing slash, other letter case, another version suffix), by the vocabulary named in the URI.
 */
export function familyOf(uri: string): Ns {
  const known = lookup(uri);
  if (known) return known.ns;
  for (const [pattern, ns] of guesses) if (pattern.test(uri)) return ns;
  return Ns.Other;
}

/** The SCORM version family a namespace URI belongs to, if it tells one. */
export function scormFamilyOf(uri: string): '1.2' | '2004' | undefined {
  return lookup(uri)?.scorm;
}

function lookup(uri: string): { ns: Ns; scorm?: '1.2' | '2004' } | undefined {
  return knownNamespaces[uri] ?? knownNamespaces[uri.trim().replace(/\/$/, '')];
}
