// parseManifest: imsmanifest.xml (CAM 3, "Content Packaging") into the typed model of ./types.ts, in one
// walk over fast-xml-parser's output. Fatal problems throw ManifestError; the rest land in warnings.
import type {
  CompletionThreshold,
  DataMap,
  HideLmsUi,
  Item,
  Manifest,
  ManifestIssue,
  Organization,
  Resource,
  ScormVersion,
  SequencingDefinition,
} from './types.js';
import { ManifestError, ManifestErrorCode, ManifestWarningCode } from './manifest-error.js';
import { decodeXml } from './decode-xml.js';
import { Ns, scormFamilyOf } from './namespaces.js';
import {
  attr,
  attrSpelling,
  children,
  describe,
  nsAttr,
  parseXml,
  textOf,
  type XmlElement,
} from './xml-tree.js';
import {
  appendParameters,
  combineBases,
  hrefProblem,
  launchUrlProblem,
  resolveReference,
} from './launch-url.js';
import { applySequencing, defaultSequencing, type SequencingReport } from './sequencing.js';
import { readMetadata, type MetadataText } from './metadata.js';
import { detectVersion } from './version.js';
import { collectFileIssues } from './check-files.js';
import { eachItem } from './items.js';
import { checkSequencing, type CollectionEntry } from './sequencing-checks.js';
import { SourceLines } from './source-lines.js';

export interface ParseManifestOptions {
  /**
   * Reads a file of the package, synchronously, by its path relative to the package root; undefined when
   * absent. Used for external metadata (adlcp:location, CAM 4.1); files are never fetched.
   */
  readFile?: (path: string) => string | Uint8Array | undefined;
  /**
   * Tells whether a file exists in the package (path relative to the root, no query or fragment). When
   * given, every file@href and every launch file is checked, and absent ones become warnings.
   */
  fileExists?: (path: string) => boolean;
}

// Smallest permitted maximums (SPM), CAM 3.4.1 tables.
const SPM_TITLE = 200;
const SPM_PARAMETERS = 1000;
const SPM_HREF = 2000;
const SPM_DATA_FROM_LMS_2004 = 4000;
const SPM_DATA_FROM_LMS_12 = 255;

const TIME_LIMIT_ACTIONS = [
  'exit,message',
  'exit,no message',
  'continue,message',
  'continue,no message',
] as const;
const HIDE_LMS_UI: readonly HideLmsUi[] = [
  'abandon',
  'continue',
  'exit',
  'previous',
  'suspendAll',
  'exitAll',
  'abandonAll',
];

/** Parses an imsmanifest.xml (text or bytes in UTF-8, UTF-16 or ISO-8859-1). */
export function parseManifest(xml: string | Uint8Array, options: ParseManifestOptions = {}): Manifest {
  const decoded = decodeXml(xml);
  const warnings: ManifestIssue[] = [];
  if (decoded.fallbackFrom !== undefined) {
    warnings.push({
      code: ManifestWarningCode.EncodingFallback,
      message: `imsmanifest.xml is not valid ${decoded.fallbackFrom}; it was read as windows-1252`,
      element: '?xml',
    });
  }
  const undeclared = new Set<string>();
  const onUndeclared = (prefix: string): void => void undeclared.add(prefix);
  const root = parseXml(decoded.text, onUndeclared);
  if (root.local !== 'manifest' || (root.ns !== Ns.Cp && root.ns !== Ns.None)) {
    throw new ManifestError(
      ManifestErrorCode.NotAManifest,
      `imsmanifest.xml has the root element <${root.qname}>${root.uri ? ` (${root.uri})` : ''}, not an IMS content packaging <manifest>`,
      { element: root.qname },
    );
  }
  const reader = new ManifestReader(options, warnings, onUndeclared);
  const lines = new SourceLines(decoded.text);
  let manifest: Manifest;
  try {
    manifest = reader.readTop(root);
  } catch (error) {
    const line =
      error instanceof ManifestError && error.line === undefined ? lines.lineOf(error.element) : undefined;
    if (error instanceof ManifestError && line !== undefined) {
      throw new ManifestError(error.code, `${error.message} (line ${line})`, {
        element: error.element,
        line,
      });
    }
    throw error;
  }
  for (const prefix of undeclared) {
    warnings.push({
      code: ManifestWarningCode.NamespaceUndeclared,
      message: `the prefix "${prefix}:" is used without an xmlns:${prefix} declaration; read by its usual meaning`,
    });
  }
  warnings.push(...checkSequencing(manifest, reader.collectionEntries));
  if (options.fileExists) warnings.push(...collectFileIssues(manifest, options.fileExists));
  for (const w of warnings) {
    if (w.line !== undefined) continue;
    const line = lines.lineOf(w.element);
    if (line !== undefined) w.line = line;
  }
  return manifest;
}

interface ManifestParts {
  metadata: XmlElement | undefined;
  organizations: XmlElement | undefined;
  resources: XmlElement | undefined;
  subManifests: XmlElement[];
  collection: XmlElement | undefined;
}

/** What an item@identifierref may name (CAM 3.4.1.12): a resource, a sub-manifest or an item in one. */
type Target =
  | { kind: 'resource'; resource: Resource }
  | { kind: 'manifest'; manifest: Manifest }
  | { kind: 'item'; item: Item };

class ManifestReader {
  private version: ScormVersion = '1.2';
  private scormTypeSpelling: string | undefined;
  private fourthEditionFeatures = false;
  /** Organization and item identifiers of the whole document (xs:ID). */
  private readonly itemIds = new Set<string>();
  constructor(
    private readonly options: ParseManifestOptions,
    private readonly warnings: ManifestIssue[],
    private readonly onUndeclared: (prefix: string) => void,
  ) {}

  private schemaVersion: string | undefined;
  private root: XmlElement | undefined;
  /** The top manifest's sequencingCollection entries, for the sequencing checks. */
  readonly collectionEntries: CollectionEntry[] = [];

  readTop(root: XmlElement): Manifest {
    this.root = root;
    const parts = this.parts(root);
    this.schemaVersion = parts.metadata ? this.schemaVersionOf(parts.metadata) : undefined;
    const manifest = this.readManifest(root, parts, undefined, true);
    const detected = this.detect();
    const setVersion = (m: Manifest): void => {
      m.version = detected.version;
      m.subManifests.forEach(setVersion);
    };
    setVersion(manifest);
    const schemaVersion = this.schemaVersion;
    if (schemaVersion === undefined) {
      this.warn(
        ManifestWarningCode.SchemaVersionMissing,
        `metadata/schemaversion is missing; SCORM ${detected.version} was assumed from the ${detected.from}`,
        'metadata',
      );
    } else {
      manifest.schemaVersion = schemaVersion;
      if (detected.from !== 'schemaversion') {
        this.warn(
          ManifestWarningCode.SchemaVersionUnknown,
          `metadata/schemaversion "${schemaVersion}" is not a SCORM version; SCORM ${detected.version} was assumed from the ${detected.from}`,
          'schemaversion',
        );
      }
    }
    return manifest;
  }

  private detect(): ReturnType<typeof detectVersion> {
    return detectVersion({
      schemaVersion: this.schemaVersion,
      namespaceFamily: this.root ? namespaceFamily(this.root) : undefined,
      scormTypeSpelling: this.scormTypeSpelling,
      fourthEditionFeatures: this.fourthEditionFeatures,
    });
  }

  private parts(el: XmlElement): ManifestParts {
    const parts: ManifestParts = {
      metadata: undefined,
      organizations: undefined,
      resources: undefined,
      subManifests: [],
      collection: undefined,
    };
    for (const c of children(el)) {
      if (c.ns === Ns.Cp || c.ns === Ns.None) {
        if (c.local === 'metadata') parts.metadata = c;
        else if (c.local === 'organizations') parts.organizations = c;
        else if (c.local === 'resources') parts.resources = c;
        else if (c.local === 'manifest') parts.subManifests.push(c);
      } else if (c.ns === Ns.Imsss && c.local === 'sequencingCollection') {
        parts.collection = c;
      }
    }
    return parts;
  }

  private schemaVersionOf(metadata: XmlElement): string | undefined {
    for (const c of children(metadata)) {
      if ((c.ns === Ns.Cp || c.ns === Ns.None) && c.local === 'schemaversion') return textOf(c);
    }
    return undefined;
  }

  private readManifest(
    el: XmlElement,
    parts: ManifestParts,
    outerBase: string | undefined,
    top: boolean,
  ): Manifest {
    const identifier = this.required(el, 'identifier');
    const base = nsAttr(el, Ns.Xml, 'base');
    if (base !== undefined) this.checkBase(base, describe(el, identifier));
    const effectiveBase = combineBases(outerBase, base);

    const meta: MetadataText = parts.metadata ? this.metadata(parts.metadata) : {};
    const collection = new Map<string, XmlElement>();
    if (parts.collection) {
      for (const s of children(parts.collection)) {
        const id = s.ns === Ns.Imsss && s.local === 'sequencing' ? attr(s, 'ID') : undefined;
        if (id === undefined) continue;
        collection.set(id, s);
        const idRef = attr(s, 'IDRef');
        if (top) this.collectionEntries.push(idRef === undefined ? { id } : { id, idRef });
      }
    }

    const resources = parts.resources ? this.readResources(parts.resources, effectiveBase) : [];
    const subManifests = parts.subManifests.map((sub) =>
      this.readManifest(sub, this.parts(sub), effectiveBase, false),
    );
    // Resources are read: their attribute spelling is a clue. The items only need the 1.2/2004 family
    // (for limits); the edition is settled in readTop once 4th-edition elements have been seen.
    if (top) this.version = this.detect().version;
    const version = this.version;

    const targets = new Map<string, Target>();
    for (const r of resources) targets.set(r.identifier, { kind: 'resource', resource: r });
    for (const sub of subManifests) addSubManifestTargets(sub, targets);

    const organizations: Organization[] = [];
    let defaultId: string | undefined;
    if (parts.organizations) {
      defaultId = attr(parts.organizations, 'default');
      for (const o of children(parts.organizations)) {
        if ((o.ns === Ns.Cp || o.ns === Ns.None) && o.local === 'organization') {
          organizations.push(this.readOrganization(o, targets, collection, version));
        }
      }
    }
    let defaultOrganization = organizations.find((o) => o.identifier === defaultId);
    if (defaultOrganization === undefined) {
      const first = organizations[0];
      if (first === undefined) {
        if (top) {
          throw new ManifestError(
            ManifestErrorCode.NoOrganizations,
            `manifest[identifier=${identifier}] has no organization: <organizations> must hold at least one <organization> to play`,
            { element: 'organizations' },
          );
        }
        this.warn(
          ManifestWarningCode.SubManifestWithoutOrganization,
          `the sub-manifest ${identifier} has no organization; only its resources can be used`,
          `manifest[identifier=${identifier}]`,
        );
        defaultOrganization = emptyOrganization(identifier, meta.title);
      } else {
        // CAM 3.4.1.5: organizations@default names the default organization.
        this.warn(
          ManifestWarningCode.DefaultOrganizationMissing,
          defaultId === undefined
            ? `organizations has no default attribute; the first organization (${first.identifier}) is used`
            : `organizations@default names "${defaultId}", which is not an organization here; the first organization (${first.identifier}) is used instead`,
          'organizations',
        );
        defaultOrganization = first;
      }
    }

    const manifest: Manifest = {
      identifier,
      version,
      title: defaultOrganization.title || meta.title || identifier,
      defaultOrganization,
      organizations,
      resources,
      subManifests,
      warnings: top ? this.warnings : [],
    };
    const manifestVersion = attr(el, 'version');
    if (manifestVersion !== undefined) manifest.manifestVersion = manifestVersion;
    if (meta.description !== undefined) manifest.description = meta.description;
    if (base !== undefined) manifest.base = base;
    return manifest;
  }

  // ------------------------------------------------------------------ resources (CAM 3.4.1.16-3.4.1.21)

  private readResources(resourcesEl: XmlElement, manifestBase: string | undefined): Resource[] {
    const resourcesBase = nsAttr(resourcesEl, Ns.Xml, 'base');
    if (resourcesBase !== undefined) this.checkBase(resourcesBase, 'resources');
    const out: Resource[] = [];
    const seen = new Set<string>();
    for (const el of children(resourcesEl)) {
      if ((el.ns !== Ns.Cp && el.ns !== Ns.None) || el.local !== 'resource') continue;
      const identifier = this.required(el, 'identifier');
      const where = describe(el, identifier);
      if (seen.has(identifier)) {
        throw new ManifestError(
          ManifestErrorCode.DuplicateIdentifier,
          `two resources have the identifier "${identifier}"`,
          { element: where },
        );
      }
      seen.add(identifier);
      const ownBase = nsAttr(el, Ns.Xml, 'base');
      if (ownBase !== undefined) this.checkBase(ownBase, where);
      const base = combineBases(manifestBase, resourcesBase, ownBase);

      const spelling = attrSpelling(el, Ns.Adlcp, 'scormtype');
      if (spelling !== undefined) this.scormTypeSpelling ??= spelling;
      const scormTypeValue = nsAttr(el, Ns.Adlcp, 'scormtype', true);
      let scormType: 'sco' | 'asset' = 'asset';
      if (scormTypeValue?.toLowerCase() === 'sco') scormType = 'sco';
      else if (scormTypeValue !== undefined && scormTypeValue.toLowerCase() !== 'asset') {
        this.invalid(where, 'adlcp:scormType', scormTypeValue, 'asset');
      }

      const type = attr(el, 'type');
      if (type === undefined) this.invalid(where, 'type', '', 'webcontent');
      const resource: Resource = {
        identifier,
        type: type ?? 'webcontent',
        scormType,
        files: [],
        dependencies: [],
      };
      const href = attr(el, 'href');
      if (href !== undefined && href !== '') {
        resource.href = href;
        const problem = hrefProblem(href);
        if (problem) this.warn(ManifestWarningCode.HrefInvalid, `${where}@href "${href}" ${problem}`, where);
        resource.resolvedHref = resolveReference(base, href);
        if ((base ?? '').length + href.length > SPM_HREF) {
          this.warn(
            ManifestWarningCode.SpmExceeded,
            `${where}: xml:base plus href exceed ${SPM_HREF} characters`,
            where,
          );
        }
      }
      if (base !== undefined) resource.base = base;
      for (const c of children(el)) {
        if (c.ns !== Ns.Cp && c.ns !== Ns.None) continue;
        if (c.local === 'file') {
          const fileHref = attr(c, 'href');
          if (fileHref === undefined || fileHref === '') continue;
          const problem = hrefProblem(fileHref);
          if (problem)
            this.warn(ManifestWarningCode.HrefInvalid, `${where} file@href "${fileHref}" ${problem}`, where);
          resource.files.push(resolveReference(base, fileHref));
        } else if (c.local === 'dependency') {
          const ref = attr(c, 'identifierref');
          if (ref !== undefined && ref !== '') resource.dependencies.push(ref);
        }
      }
      out.push(resource);
    }
    for (const r of out) {
      for (const d of r.dependencies) {
        if (!seen.has(d)) {
          this.warn(
            ManifestWarningCode.UnknownDependency,
            `resource[identifier=${r.identifier}] depends on "${d}", which is not a resource`,
            `resource[identifier=${r.identifier}]`,
          );
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ organizations and items

  private readOrganization(
    el: XmlElement,
    targets: Map<string, Target>,
    collection: Map<string, XmlElement>,
    version: ScormVersion,
  ): Organization {
    const identifier = this.required(el, 'identifier');
    this.claimId(identifier, el);
    const where = describe(el, identifier);
    let title: string | undefined;
    let meta: MetadataText = {};
    let sequencing: SequencingDefinition | undefined;
    const itemEls: XmlElement[] = [];
    for (const c of children(el)) {
      if (c.ns === Ns.Cp || c.ns === Ns.None) {
        if (c.local === 'title') title = textOf(c);
        else if (c.local === 'item') itemEls.push(c);
        else if (c.local === 'metadata') meta = this.metadata(c);
      } else if (c.ns === Ns.Imsss && c.local === 'sequencing') {
        sequencing = this.sequencing(c, collection, where);
      }
    }
    const org: Organization = {
      identifier,
      title: this.title(title, meta, where),
      objectivesGlobalToSystem: this.bool(nsAttr(el, Ns.Adlseq, 'objectivesGlobalToSystem'), true, where),
      sharedDataGlobalToSystem: this.bool(nsAttr(el, Ns.Adlcp, 'sharedDataGlobalToSystem'), true, where),
      items: itemEls.map((i) => this.readItem(i, targets, collection, version)),
    };
    if (org.items.length === 0) {
      throw new ManifestError(
        ManifestErrorCode.EmptyOrganization,
        `${where} has no <item>: an organization needs at least one (CAM 3.4.1.7)`,
        { element: where },
      );
    }
    const structure = attr(el, 'structure');
    if (structure !== undefined) org.structure = structure;
    if (meta.description !== undefined) org.description = meta.description;
    if (sequencing) org.sequencing = sequencing;
    return org;
  }

  private readItem(
    el: XmlElement,
    targets: Map<string, Target>,
    collection: Map<string, XmlElement>,
    version: ScormVersion,
  ): Item {
    const identifier = this.required(el, 'identifier');
    this.claimId(identifier, el);
    const where = describe(el, identifier);
    let title: string | undefined;
    let meta: MetadataText = {};
    let sequencingEl: XmlElement | undefined;
    const childEls: XmlElement[] = [];
    const item: Item = {
      identifier,
      title: '',
      isVisible: this.bool(attr(el, 'isvisible'), true, where),
      children: [],
      dataMaps: [],
      hideLmsUi: [],
    };
    for (const c of children(el)) {
      switch (c.ns) {
        case Ns.Cp:
        case Ns.None:
          if (c.local === 'title') title = textOf(c);
          else if (c.local === 'item') childEls.push(c);
          else if (c.local === 'metadata') meta = this.metadata(c);
          break;
        case Ns.Adlcp:
          this.adlcpExtension(item, c, where, version);
          break;
        case Ns.Adlnav:
          if (c.local === 'presentation') this.presentation(item, c, where);
          break;
        case Ns.Imsss:
          if (c.local === 'sequencing') sequencingEl = c;
          break;
        default:
          break;
      }
    }
    item.title = this.title(title, meta, where);
    if (meta.description !== undefined) item.description = meta.description;
    item.children = childEls.map((c) => this.readItem(c, targets, collection, version));
    if (sequencingEl) {
      item.sequencing = this.sequencing(sequencingEl, collection, where);
      // CAM 5.1.2 / RTE 4.2.10: in 2004, cmi.max_time_allowed comes from attemptAbsoluteDurationLimit.
      const limit = item.sequencing.limitConditions.attemptAbsoluteDurationLimit;
      if (limit !== undefined && item.maxTimeAllowed === undefined) item.maxTimeAllowed = limit;
    }

    const identifierref = attr(el, 'identifierref');
    const parameters = attr(el, 'parameters');
    if (parameters !== undefined) {
      item.parameters = parameters;
      if (parameters.length > SPM_PARAMETERS) {
        this.warn(
          ManifestWarningCode.SpmExceeded,
          `${where}@parameters exceed ${SPM_PARAMETERS} characters`,
          where,
        );
      }
      if (identifierref === undefined) {
        this.warn(
          ManifestWarningCode.ParametersWithoutIdentifierref,
          `${where} has parameters but no identifierref; they are ignored`,
          where,
        );
      }
    }
    if (identifierref !== undefined && identifierref !== '') {
      item.identifierref = identifierref;
      this.resolveTarget(item, identifierref, targets, where);
    }
    return item;
  }

  private resolveTarget(item: Item, ref: string, targets: Map<string, Target>, where: string): void {
    const target = targets.get(ref);
    if (target === undefined) {
      throw new ManifestError(
        ManifestErrorCode.UnknownResource,
        `${where} has identifierref="${ref}", but no resource (or sub-manifest) has that identifier`,
        { element: where },
      );
    }
    if (target.kind === 'manifest') {
      // CAM 3.4.1.12: an item that references a sub-manifest stands for that manifest's default organization.
      if (item.children.length === 0) item.children = target.manifest.defaultOrganization.items;
      return;
    }
    if (target.kind === 'item') {
      if (item.children.length === 0) item.children = [target.item];
      return;
    }
    const resource = target.resource;
    item.resource = resource;
    if (item.children.length > 0) {
      // CAM 3.4.1.12: only leaf items reference resources; a cluster is never launched.
      this.warn(
        ManifestWarningCode.IdentifierrefOnCluster,
        `${where} has child items and an identifierref; only leaf items are launched, so its resource is not`,
        where,
      );
      return;
    }
    if (resource.resolvedHref === undefined) {
      throw new ManifestError(
        ManifestErrorCode.MissingLaunchHref,
        `${where} launches resource[identifier=${resource.identifier}], which has no href: there is nothing to launch`,
        { element: `resource[identifier=${resource.identifier}]` },
      );
    }
    const unsafe = launchUrlProblem(resource.resolvedHref);
    if (unsafe) {
      throw new ManifestError(
        ManifestErrorCode.UnsafeLaunchUrl,
        `${where} launches resource[identifier=${resource.identifier}] at "${resource.resolvedHref}", which ${unsafe}`,
        { element: `resource[identifier=${resource.identifier}]` },
      );
    }
    item.launchUrl = appendParameters(resource.resolvedHref, item.parameters);
  }

  /** adlcp extensions of an item: 1.2 (adlcp_rootv1p2) and 2004 (adlcp_v1p3), spelled either way. */
  private adlcpExtension(item: Item, el: XmlElement, where: string, version: ScormVersion): void {
    const text = textOf(el);
    switch (el.local.toLowerCase()) {
      case 'masteryscore': {
        const n = Number(text);
        if (text !== '' && Number.isFinite(n) && n >= 0 && n <= 100) item.masteryScore = n;
        else this.invalid(where, 'adlcp:masteryscore', text, 'none');
        break;
      }
      case 'prerequisites':
        if (text !== '') item.prerequisites = text;
        break;
      case 'maxtimeallowed':
        if (text !== '') item.maxTimeAllowed = text;
        break;
      case 'timelimitaction':
        if ((TIME_LIMIT_ACTIONS as readonly string[]).includes(text)) {
          item.timeLimitAction = text as (typeof TIME_LIMIT_ACTIONS)[number];
        } else {
          this.invalid(where, `adlcp:${el.local}`, text, 'none');
        }
        break;
      case 'datafromlms': {
        item.dataFromLms = text;
        const spm = version === '1.2' ? SPM_DATA_FROM_LMS_12 : SPM_DATA_FROM_LMS_2004;
        if (text.length > spm) {
          this.warn(
            ManifestWarningCode.SpmExceeded,
            `${where} adlcp:${el.local} exceeds ${spm} characters`,
            where,
          );
        }
        break;
      }
      case 'completionthreshold':
        item.completionThreshold = this.completionThreshold(el, where);
        break;
      case 'data':
        this.fourthEditionFeatures = true;
        for (const m of children(el)) {
          if (m.ns !== Ns.Adlcp || m.local !== 'map') continue;
          const targetID = attr(m, 'targetID');
          if (targetID === undefined || targetID === '') {
            this.invalid(where, 'adlcp:map@targetID', '', 'map ignored');
            continue;
          }
          const map: DataMap = {
            targetID,
            readSharedData: this.bool(attr(m, 'readSharedData'), true, where),
            writeSharedData: this.bool(attr(m, 'writeSharedData'), false, where),
          };
          item.dataMaps.push(map);
        }
        break;
      default:
        break;
    }
  }

  /**
   * adlcp:completionThreshold in its forms (scorm-reference D): the element text (3rd edition: a decimal
   * whose presence makes completion judged by progress measure), else @minProgressMeasure (4th edition,
   * default 1.0), with @completedByMeasure (default false) and @progressWeight (default 1.0).
   */
  private completionThreshold(el: XmlElement, where: string): CompletionThreshold {
    const text = textOf(el);
    const byMeasureAttr = attr(el, 'completedByMeasure');
    const result: CompletionThreshold = {
      completedByMeasure: this.bool(byMeasureAttr, false, where),
      minProgressMeasure: this.unit(attr(el, 'minProgressMeasure'), 1, where, 'minProgressMeasure'),
      progressWeight: this.unit(attr(el, 'progressWeight'), 1, where, 'progressWeight'),
    };
    if (text !== '') {
      result.minProgressMeasure = this.unit(text, result.minProgressMeasure, where, 'completionThreshold');
      if (byMeasureAttr === undefined) result.completedByMeasure = true;
    }
    return result;
  }

  private presentation(item: Item, el: XmlElement, where: string): void {
    for (const ni of children(el)) {
      if (ni.ns !== Ns.Adlnav || ni.local !== 'navigationInterface') continue;
      for (const h of children(ni)) {
        if (h.ns !== Ns.Adlnav || h.local !== 'hideLMSUI') continue;
        const v = textOf(h);
        if ((HIDE_LMS_UI as readonly string[]).includes(v)) {
          if (!item.hideLmsUi.includes(v as HideLmsUi)) item.hideLmsUi.push(v as HideLmsUi);
        } else {
          this.invalid(where, 'adlnav:hideLMSUI', v, 'ignored');
        }
      }
    }
  }

  private sequencing(
    el: XmlElement,
    collection: Map<string, XmlElement>,
    where: string,
  ): SequencingDefinition {
    const def = defaultSequencing();
    const report: SequencingReport = {
      invalid: (element, attribute, value) =>
        this.invalid(`${where} imsss:${element}`, attribute, value, 'default'),
      unknownObjective: (id) =>
        this.warn(
          ManifestWarningCode.AdlseqObjectiveUnknown,
          `${where} adlseq:objective "${id}" extends no imsss objective of that sequencing; ignored`,
          where,
        ),
    };
    const idRef = attr(el, 'IDRef');
    if (idRef !== undefined) {
      def.idRef = idRef;
      const shared = collection.get(idRef);
      if (shared) applySequencing(def, shared, report);
      else {
        this.warn(
          ManifestWarningCode.SequencingIdRefMissing,
          `${where} imsss:sequencing@IDRef="${idRef}" names no sequencing in the sequencingCollection`,
          where,
        );
      }
    }
    for (const c of children(el)) {
      if (c.ns === Ns.Adlseq && c.local === 'objectives') this.fourthEditionFeatures = true;
    }
    applySequencing(def, el, report);
    return def;
  }

  // ------------------------------------------------------------------ helpers

  private metadata(el: XmlElement): MetadataText {
    return readMetadata(el, {
      readFile: this.options.readFile,
      onUndeclared: this.onUndeclared,
      unreadable: (location, reason) =>
        this.warn(
          ManifestWarningCode.MetadataUnreadable,
          `the metadata file "${location}" could not be read: ${reason}`,
          'adlcp:location',
        ),
    });
  }

  private title(title: string | undefined, meta: MetadataText, where: string): string {
    if (title === undefined || title === '') {
      if (meta.title !== undefined) {
        this.warn(
          ManifestWarningCode.TitleFromMetadata,
          `${where} has no <title>; its metadata title is used`,
          where,
        );
        return meta.title;
      }
      // CAM 3.4.1.8 and 3.4.1.13: the title of organizations and items is mandatory.
      throw new ManifestError(ManifestErrorCode.MissingTitle, `${where} has no <title>, which is required`, {
        element: where,
      });
    }
    if (title.length > SPM_TITLE) {
      this.warn(ManifestWarningCode.SpmExceeded, `${where} title exceeds ${SPM_TITLE} characters`, where);
    }
    return title;
  }

  private required(el: XmlElement, name: string): string {
    const v = attr(el, name);
    if (v === undefined || v.trim() === '') {
      throw new ManifestError(
        ManifestErrorCode.MissingIdentifier,
        `<${el.qname}> has no ${name} attribute, which is required${parentHint(el)}`,
        { element: el.local },
      );
    }
    return v;
  }

  private claimId(id: string, el: XmlElement): void {
    if (this.itemIds.has(id)) {
      throw new ManifestError(
        ManifestErrorCode.DuplicateIdentifier,
        `two organizations or items have the identifier "${id}"`,
        { element: describe(el, id) },
      );
    }
    this.itemIds.add(id);
  }

  private checkBase(base: string, where: string): void {
    const problem = hrefProblem(base);
    if (problem)
      this.warn(ManifestWarningCode.XmlBaseInvalid, `${where}@xml:base "${base}" ${problem}`, where);
  }

  private bool(value: string | undefined, fallback: boolean, where: string): boolean {
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.invalid(where, 'boolean', value, String(fallback));
    return fallback;
  }

  private unit(value: string | undefined, fallback: number, where: string, name: string): number {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1) return n;
    this.invalid(where, name, value, String(fallback));
    return fallback;
  }

  private invalid(where: string, what: string, value: string, used: string): void {
    this.warn(
      ManifestWarningCode.InvalidValue,
      `${where}: ${what} "${value}" is not valid; ${used} is used`,
      where,
    );
  }

  private warn(code: string, message: string, element?: string): void {
    const issue: ManifestIssue = { code, message };
    if (element !== undefined) issue.element = element;
    this.warnings.push(issue);
  }
}

function parentHint(el: XmlElement): string {
  const title = typeof el.raw === 'string' ? undefined : el.raw['title'];
  return typeof title === 'string' ? ` (the one titled "${title}")` : '';
}

function emptyOrganization(identifier: string, title: string | undefined): Organization {
  return {
    identifier: '',
    title: title ?? identifier,
    objectivesGlobalToSystem: true,
    sharedDataGlobalToSystem: true,
    items: [],
  };
}

function addSubManifestTargets(sub: Manifest, targets: Map<string, Target>): void {
  if (!targets.has(sub.identifier)) targets.set(sub.identifier, { kind: 'manifest', manifest: sub });
  for (const r of sub.resources)
    if (!targets.has(r.identifier)) targets.set(r.identifier, { kind: 'resource', resource: r });
  for (const o of sub.organizations)
    for (const i of eachItem(o.items))
      if (!targets.has(i.identifier)) targets.set(i.identifier, { kind: 'item', item: i });
  for (const s of sub.subManifests) addSubManifestTargets(s, targets);
}

/** The SCORM family of the namespaces the root binds: its own namespace first, then the adlcp one. */
function namespaceFamily(root: XmlElement): '1.2' | '2004' | undefined {
  const own = root.uri ? scormFamilyOf(root.uri) : undefined;
  if (own) return own;
  for (const key in root.attrs ?? {}) {
    if (!key.startsWith('xmlns')) continue;
    const family = scormFamilyOf(root.attrs?.[key] ?? '');
    if (family) return family;
  }
  return undefined;
}
