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
  /** A launch URL that is neither package-relative nor http(s), e.g. javascript: (never launched). */
  UnsafeLaunchUrl: 'unsafe-launch-url',
} as const;
export type ManifestErrorCode = (typeof ManifestErrorCode)[keyof typeof ManifestErrorCode];

/** Non-fatal problems, reported in manifest.warnings. */
export const ManifestWarningCode = {
  /** organizations@default is absent or names no organization: the first one is used (CAM 3.4.1.5). */
  DefaultOrganizationMissing: 'default-organization-missing',
  /** No metadata/schemaversion: the version was told by namespaces or attribute spelling. */
  SchemaVersionMissing: 'schemaversion-missing',
  /** A schemaversion that names no SCORM version: the version was told otherwise. */
  SchemaVersionUnknown: 'schemaversion-unknown',
  /** A prefix used without its xmlns declaration, read by its conventional meaning. */
  NamespaceUndeclared: 'namespace-undeclared',
  /** The bytes were not the UTF-8 they claimed; read as windows-1252. */
  EncodingFallback: 'encoding-fallback',
  /** A file@href names a file the package does not hold (CAM 3.4.1.19). */
  FileMissing: 'file-missing',
  /** The launch file of a launchable item's resource is not in the package. */
  LaunchFileMissing: 'launch-file-missing',
  /** A value longer than its smallest permitted maximum (title 200, parameters 1000, href 2000...). */
  SpmExceeded: 'spm-exceeded',
  /** An href that starts with '/' or contains '\\' (CAM 3.4.1.18). */
  HrefInvalid: 'href-invalid',
  /** An xml:base that starts with '/' or contains '\\'. */
  XmlBaseInvalid: 'xml-base-invalid',
  /** A value outside its type or vocabulary; the default (or nothing) is used instead. */
  InvalidValue: 'invalid-value',
  /** dependency@identifierref names no resource (CAM 3.4.1.21). */
  UnknownDependency: 'unknown-dependency',
  /** imsss:sequencing@IDRef names no entry of the sequencingCollection. */
  SequencingIdRefMissing: 'sequencing-idref-missing',
  /**
   * sequencingCollection entries with one ID twice, or an entry based on another through IDRef (ignored),
   * possibly in a cycle.
   */
  SequencingCollectionInvalid: 'sequencing-collection-invalid',
  /** A sequencing rule condition's referencedObjective names no objective of its activity. */
  RuleObjectiveUnknown: 'rule-objective-unknown',
  /** One activity defines an objectiveID twice. */
  ObjectiveIdDuplicate: 'objective-id-duplicate',
  /** A mapInfo that leads nowhere: an empty targetObjectiveID, or a second map of one objective to one target. */
  ObjectiveMapNowhere: 'objective-map-nowhere',
  /** Two activities write the same aspect of one global objective (targetObjectiveID). */
  GlobalObjectiveWriters: 'global-objective-writers',
  /** randomizationControls@selectCount is larger than the number of children. */
  SelectCountExceedsChildren: 'select-count-exceeds-children',
  /** An atLeastCount rollup rule needs more children than the activity has. */
  RollupCountUnreachable: 'rollup-count-unreachable',
  /** limitConditions@attemptLimit="0": the activity can never be attempted (the reference implementation). */
  AttemptLimitZero: 'attempt-limit-zero',
  /** An adlseq:objective extends no imsss objective of its sequencing. */
  AdlseqObjectiveUnknown: 'adlseq-objective-unknown',
  /** item@parameters on an item that launches nothing. */
  ParametersWithoutIdentifierref: 'parameters-without-identifierref',
  /** An item with children references a resource; only leaves are launched (CAM 3.4.1.12). */
  IdentifierrefOnCluster: 'identifierref-on-cluster',
  /** A required title is missing but the element's metadata has one, which is used. */
  TitleFromMetadata: 'title-from-metadata',
  /** An adlcp:location metadata file could not be read or parsed. */
  MetadataUnreadable: 'metadata-unreadable',
  /** A sub-manifest with no organization: only its resources can be referenced. */
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
