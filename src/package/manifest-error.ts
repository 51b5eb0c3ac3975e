// Errors and warnings of the manifest reader. Codes live in `as const` objects (as fflate does), carried
// on the error and on each warning, so that callers can branch on them instead of parsing messages.

/** Fatal problems: the package cannot be played. Thrown as ManifestError. */
export const ManifestErrorCode = {
  /** The bytes are not in an encoding we can read (CAM 2.3: imsmanifest.xml is XML 1.0). */
  UnsupportedEncoding: 'unsupported-encoding',
  /** Not well-formed XML; the message carries the line and column. */
  MalformedXml: 'malformed-xml',
  /** A DOCTYPE declares an external entity: never resolved, the manifest is refused. */
  ExternalEntity: 'external-entity',
  /** Entity declarations that nest or expand beyond the bounds (a "billion laughs" manifest). */
  EntityExpansion: 'entity-expansion',
  /** The root element is not an IMS CP <manifest>. */
  NotAManifest: 'not-a-manifest',
  /** A manifest, organization, item or resource without its required identifier (CAM 3.4.1). */
  MissingIdentifier: 'missing-identifier',
  /** Two items, organizations or resources share an identifier (they are xs:ID). */
  DuplicateIdentifier: 'duplicate-identifier',
  /** No <organizations>/<organization>: nothing to play. */
  NoOrganizations: 'no-organizations',
  /** An organization without any item (CAM 3.4.1.7: item is 1..n). */
  EmptyOrganization: 'empty-organization',
  /** An organization or item without a <title> (CAM 3.4.1.8/3.4.1.13: mandatory). */
  MissingTitle: 'missing-title',
  /** item@identifierref names no resource, sub-manifest or item (CAM 3.4.1.12). */
  UnknownResource: 'unknown-resource',
  /** A launchable item's resource has no href, so there is nothing to launch (CAM 3.4.1.18). */
  MissingLaunchHref: 'missing-launch-href',
} as const;
export type ManifestErrorCode = (typeof ManifestErrorCode)[keyof typeof ManifestErrorCode];

/** Non-fatal problems, reported in manifest.warnings. */
export const ManifestWarningCode = {
  DefaultOrganizationMissing: 'default-organization-missing',
  SchemaVersionMissing: 'schemaversion-missing',
  SchemaVersionUnknown: 'schemaversion-unknown',
  NamespaceUndeclared: 'namespace-undeclared',
  EncodingFallback: 'encoding-fallback',
  FileMissing: 'file-missing',
  LaunchFileMissing: 'launch-file-missing',
  SpmExceeded: 'spm-exceeded',
  HrefInvalid: 'href-invalid',
  XmlBaseInvalid: 'xml-base-invalid',
  InvalidValue: 'invalid-value',
  UnknownDependency: 'unknown-dependency',
  SequencingIdRefMissing: 'sequencing-idref-missing',
  AdlseqObjectiveUnknown: 'adlseq-objective-unknown',
  ParametersWithoutIdentifierref: 'parameters-without-identifierref',
  IdentifierrefOnCluster: 'identifierref-on-cluster',
  TitleFromMetadata: 'title-from-metadata',
  MetadataUnreadable: 'metadata-unreadable',
  SubManifestWithoutOrganization: 'sub-manifest-without-organization',
} as const;
export type ManifestWarningCode = (typeof ManifestWarningCode)[keyof typeof ManifestWarningCode];

export interface ManifestErrorDetails {
  element?: string;
  line?: number;
  column?: number;
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  readonly element: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    readonly code: ManifestErrorCode,
    message: string,
    details: ManifestErrorDetails = {},
  ) {
    super(message);
    this.element = details.element;
    this.line = details.line;
    this.column = details.column;
  }
}
