// The typed model of a parsed imsmanifest.xml (CAM). Shared contract between the package reader,
// the sequencer, the player and dispatch. DOM-free.

export type ScormVersion = '1.2' | '2004-2nd' | '2004-3rd' | '2004-4th';

export interface Manifest {
  identifier: string;
  /** manifest@version, if any. */
  manifestVersion?: string;
  version: ScormVersion;
  /** metadata/schemaversion as written, if present. */
  schemaVersion?: string;
  /** The title of the course: the default organization's title, else metadata, else the identifier. */
  title: string;
  description?: string;
  /** manifest@xml:base (absolute or relative), as written. */
  base?: string;
  /** The default organization (organizations@default, or the first organization with a warning). */
  defaultOrganization: Organization;
  organizations: Organization[];
  resources: Resource[];
  /** Sub-manifests (CAM 2.3.8), parsed with the same model. */
  subManifests: Manifest[];
  /** Non-fatal problems found while parsing. Fatal ones throw ManifestError. */
  warnings: ManifestIssue[];
}

export interface ManifestIssue {
  /** A stable code that callers can branch on, e.g. 'default-organization-missing'. */
  code: string;
  message: string;
  /** The element the issue is about, e.g. 'item[identifier=intro]'. */
  element?: string;
  line?: number;
}

export interface Organization {
  identifier: string;
  title: string;
  description?: string;
  structure?: string;
  /** adlseq:objectivesGlobalToSystem (default true). */
  objectivesGlobalToSystem: boolean;
  /** adlcp:sharedDataGlobalToSystem (default true). */
  sharedDataGlobalToSystem: boolean;
  items: Item[];
  /** imsss:sequencing on the organization (the root activity), with collection references resolved. */
  sequencing?: SequencingDefinition;
  /** 1.2 style: the organization counts as the root activity of the tree. */
}

export interface Item {
  identifier: string;
  title: string;
  description?: string;
  /** isvisible (default true). */
  isVisible: boolean;
  identifierref?: string;
  /** parameters as written (already validated against SPM 1000). */
  parameters?: string;
  /** The launch URL relative to the package root (or absolute when an xml:base is absolute); undefined for clusters. */
  launchUrl?: string;
  /** The resource this item launches (resolved identifierref), if any. */
  resource?: Resource;
  children: Item[];

  // SCORM 1.2 extensions (adlcp_rootv1p2)
  /** adlcp:masteryscore, 0..100. */
  masteryScore?: number;
  /** adlcp:prerequisites (type aicc_script) as written. */
  prerequisites?: string;
  /** adlcp:maxtimeallowed (CMITimespan) or, in 2004, limitConditions@attemptAbsoluteDurationLimit. */
  maxTimeAllowed?: string;
  /** adlcp:timelimitaction (1.2) / adlcp:timeLimitAction (2004). */
  timeLimitAction?: 'exit,message' | 'exit,no message' | 'continue,message' | 'continue,no message';
  /** adlcp:datafromlms (1.2) / adlcp:dataFromLMS (2004). */
  dataFromLms?: string;

  // SCORM 2004 extensions
  completionThreshold?: CompletionThreshold;
  /** adlcp:data/adlcp:map entries. */
  dataMaps: DataMap[];
  /** adlnav:presentation/navigationInterface/hideLMSUI values. */
  hideLmsUi: HideLmsUi[];
  /** The item's imsss:sequencing with collection references resolved and XSD defaults filled in. */
  sequencing?: SequencingDefinition;
}

export interface CompletionThreshold {
  /** adlcp:completionThreshold@completedByMeasure (default false). */
  completedByMeasure: boolean;
  /** The effective threshold 0..1 (element text, else minProgressMeasure, default 1.0). */
  minProgressMeasure: number;
  /** @progressWeight (default 1.0), used in rollup. */
  progressWeight: number;
}

export interface DataMap {
  targetID: string;
  readSharedData: boolean;
  writeSharedData: boolean;
}

export type HideLmsUi =
  'abandon' | 'continue' | 'exit' | 'previous' | 'suspendAll' | 'exitAll' | 'abandonAll';

export interface Resource {
  identifier: string;
  type: string;
  scormType: 'sco' | 'asset';
  /** href as written. */
  href?: string;
  /** href with every xml:base applied, relative to the package root (or absolute). */
  resolvedHref?: string;
  /** The effective xml:base of this resource (manifest + resources + resource), if any. */
  base?: string;
  /** file@href values with xml:base applied. */
  files: string[];
  /** dependency@identifierref values. */
  dependencies: string[];
}

// ---------------------------------------------------------------------------------------------
// IMS Simple Sequencing (imsss) definition, XSD defaults filled in. SN book, CAM 5.
// ---------------------------------------------------------------------------------------------

export interface SequencingDefinition {
  controlMode: ControlMode;
  sequencingRules: {
    preConditionRules: SequencingRule<PreConditionAction>[];
    exitConditionRules: SequencingRule<'exit'>[];
    postConditionRules: SequencingRule<PostConditionAction>[];
  };
  limitConditions: LimitConditions;
  rollupRules: RollupRules;
  objectives: SequencingObjectives;
  randomizationControls: RandomizationControls;
  deliveryControls: DeliveryControls;
  constrainedChoiceConsiderations: { preventActivation: boolean; constrainChoice: boolean };
  rollupConsiderations: RollupConsiderations;
  /** ID of a <sequencing> in sequencingCollection that this one was based on, if any. */
  idRef?: string;
}

export interface ControlMode {
  choice: boolean;
  choiceExit: boolean;
  flow: boolean;
  forwardOnly: boolean;
  useCurrentAttemptObjectiveInfo: boolean;
  useCurrentAttemptProgressInfo: boolean;
}

export type PreConditionAction = 'skip' | 'disabled' | 'hiddenFromChoice' | 'stopForwardTraversal';
export type PostConditionAction = 'exitParent' | 'exitAll' | 'retry' | 'retryAll' | 'continue' | 'previous';

export type RuleConditionName =
  | 'satisfied'
  | 'objectiveStatusKnown'
  | 'objectiveMeasureKnown'
  | 'objectiveMeasureGreaterThan'
  | 'objectiveMeasureLessThan'
  | 'completed'
  | 'activityProgressKnown'
  | 'attempted'
  | 'attemptLimitExceeded'
  | 'timeLimitExceeded'
  | 'outsideAvailableTimeRange'
  | 'always';

export interface RuleCondition {
  condition: RuleConditionName;
  operator: 'not' | 'noOp';
  referencedObjective?: string;
  measureThreshold: number;
}

export interface SequencingRule<A extends string> {
  conditionCombination: 'all' | 'any';
  conditions: RuleCondition[];
  action: A;
}

export interface LimitConditions {
  attemptLimit?: number;
  attemptAbsoluteDurationLimit?: string;
  attemptExperiencedDurationLimit?: string;
  activityAbsoluteDurationLimit?: string;
  activityExperiencedDurationLimit?: string;
  beginTimeLimit?: string;
  endTimeLimit?: string;
}

export type RollupConditionName =
  | 'satisfied'
  | 'objectiveStatusKnown'
  | 'objectiveMeasureKnown'
  | 'completed'
  | 'activityProgressKnown'
  | 'attempted'
  | 'attemptLimitExceeded'
  | 'timeLimitExceeded'
  | 'outsideAvailableTimeRange';

export interface RollupRule {
  childActivitySet: 'all' | 'any' | 'none' | 'atLeastCount' | 'atLeastPercent';
  minimumCount: number;
  minimumPercent: number;
  conditionCombination: 'all' | 'any';
  conditions: { condition: RollupConditionName; operator: 'not' | 'noOp' }[];
  action: 'satisfied' | 'notSatisfied' | 'completed' | 'incomplete';
}

export interface RollupRules {
  rollupObjectiveSatisfied: boolean;
  rollupProgressCompletion: boolean;
  objectiveMeasureWeight: number;
  rules: RollupRule[];
}

export interface ObjectiveMapInfo {
  targetObjectiveID: string;
  readSatisfiedStatus: boolean;
  readNormalizedMeasure: boolean;
  writeSatisfiedStatus: boolean;
  writeNormalizedMeasure: boolean;
  // adlseq:objectives/objective/mapInfo (4th edition): reads default true, writes default false.
  readRawScore: boolean;
  readMinScore: boolean;
  readMaxScore: boolean;
  readCompletionStatus: boolean;
  readProgressMeasure: boolean;
  writeRawScore: boolean;
  writeMinScore: boolean;
  writeMaxScore: boolean;
  writeCompletionStatus: boolean;
  writeProgressMeasure: boolean;
}

export interface SequencingObjective {
  /** objectiveID; may be absent on the primary objective. */
  objectiveID?: string;
  satisfiedByMeasure: boolean;
  minNormalizedMeasure: number;
  mapInfo: ObjectiveMapInfo[];
}

export interface SequencingObjectives {
  primary?: SequencingObjective;
  secondary: SequencingObjective[];
}

export type SelectionTiming = 'never' | 'once' | 'onEachNewAttempt';

export interface RandomizationControls {
  randomizationTiming: SelectionTiming;
  selectCount?: number;
  reorderChildren: boolean;
  selectionTiming: SelectionTiming;
}

export interface DeliveryControls {
  tracked: boolean;
  completionSetByContent: boolean;
  objectiveSetByContent: boolean;
}

export type RollupConsideration = 'always' | 'ifAttempted' | 'ifNotSkipped' | 'ifNotSuspended';

export interface RollupConsiderations {
  requiredForSatisfied: RollupConsideration;
  requiredForNotSatisfied: RollupConsideration;
  requiredForCompleted: RollupConsideration;
  requiredForIncomplete: RollupConsideration;
  measureSatisfactionIfActive: boolean;
}
