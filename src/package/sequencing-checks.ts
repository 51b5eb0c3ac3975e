// Sequencing data that is well-formed but cannot mean what its author wanted, found once the manifest is
// read: each becomes a warning naming the item, and the engine has a defined behaviour for it (noted on
// each check), so a package with such data still plays. DOM-free.
import { eachItem } from './items.js';
import { ManifestWarningCode } from './manifest-error.js';
import type {
  Manifest,
  ManifestIssue,
  ObjectiveMapInfo,
  Organization,
  SequencingDefinition,
  SequencingObjective,
} from './types.js';

/** One <imsss:sequencing> of the manifest's sequencingCollection: its ID and its own IDRef, if any. */
export interface CollectionEntry {
  id: string;
  idRef?: string;
}

/** An activity as the checks see it: the organization or an item, with its effective definition. */
interface Activity {
  element: string;
  id: string;
  sequencing: SequencingDefinition;
  childCount: number;
}

/** Each write flag of a map, the aspect of the global objective it writes (SN 1.4), and its read flag. */
const WRITE_FLAGS: readonly [keyof ObjectiveMapInfo, string, keyof ObjectiveMapInfo][] = [
  ['writeSatisfiedStatus', 'satisfied status', 'readSatisfiedStatus'],
  ['writeNormalizedMeasure', 'normalized measure', 'readNormalizedMeasure'],
  ['writeRawScore', 'raw score', 'readRawScore'],
  ['writeMinScore', 'min score', 'readMinScore'],
  ['writeMaxScore', 'max score', 'readMaxScore'],
  ['writeCompletionStatus', 'completion status', 'readCompletionStatus'],
  ['writeProgressMeasure', 'progress measure', 'readProgressMeasure'],
];
/** The checks for a SCORM 2004 manifest (1.2 has no sequencing). */
export function checkSequencing(manifest: Manifest, collection: readonly CollectionEntry[]): ManifestIssue[] {
  if (manifest.version === '1.2') return [];
  const issues: ManifestIssue[] = [];
  const warn = (code: ManifestWarningCode, message: string, element?: string): void => {
    const issue: ManifestIssue = { code, message };
    if (element !== undefined) issue.element = element;
    issues.push(issue);
  };
  checkCollection(collection, warn);
  for (const organization of manifest.organizations) {
    const activities = activitiesOf(organization);
    for (const a of activities) {
      checkRuleObjectives(a, warn);
      checkObjectives(a, warn);
      checkCounts(a, warn);
    }
    checkWriters(organization, activities, warn);
  }
  return issues;
}

type Warn = (code: ManifestWarningCode, message: string, element?: string) => void;

function activitiesOf(organization: Organization): Activity[] {
  const activities: Activity[] = [];
  if (organization.sequencing)
    activities.push({
      element: `organization[identifier=${organization.identifier}]`,
      id: organization.identifier,
      sequencing: organization.sequencing,
      childCount: organization.items.length,
    });
  for (const item of eachItem(organization.items))
    if (item.sequencing)
      activities.push({
        element: `item[identifier=${item.identifier}]`,
        id: item.identifier,
        sequencing: item.sequencing,
        childCount: item.children.length,
      });
  return activities;
}

function objectivesOf(s: SequencingDefinition): SequencingObjective[] {
  return [...(s.objectives.primary ? [s.objectives.primary] : []), ...s.objectives.secondary];
}

/**
 * A rule condition's referencedObjective must name an objective of the same activity (CAM 5.1.4.1.1.1).
 * The engine evaluates a condition on a missing objective as unknown (UP.2.1, sequencing.md §1.7).
 */
function checkRuleObjectives(a: Activity, warn: Warn): void {
  const ids = new Set(objectivesOf(a.sequencing).map((o) => o.objectiveID));
  const { preConditionRules, exitConditionRules, postConditionRules } = a.sequencing.sequencingRules;
  const named = new Set<string>();
  for (const rule of [...preConditionRules, ...exitConditionRules, ...postConditionRules])
    for (const c of rule.conditions)
      if (c.referencedObjective !== undefined && !ids.has(c.referencedObjective))
        named.add(c.referencedObjective);
  for (const id of named)
    warn(
      ManifestWarningCode.RuleObjectiveUnknown,
      `item "${a.id}": a sequencing rule condition references the objective "${id}", which the item does not define; the condition is evaluated as unknown`,
      a.element,
    );
}

/** Objective IDs unique within the activity (CAM 5.1.8.1), and maps that lead somewhere. */
function checkObjectives(a: Activity, warn: Warn): void {
  const seen = new Set<string>();
  for (const o of objectivesOf(a.sequencing)) {
    if (o.objectiveID !== undefined) {
      if (seen.has(o.objectiveID))
        warn(
          ManifestWarningCode.ObjectiveIdDuplicate,
          `item "${a.id}" defines the objective "${o.objectiveID}" more than once; the first one is used`,
          a.element,
        );
      seen.add(o.objectiveID);
    }
    const name = o.objectiveID === undefined ? 'the primary objective' : `the objective "${o.objectiveID}"`;
    const targets = new Set<string>();
    for (const map of o.mapInfo) {
      // A targetObjectiveID must be a non-empty URI (CAM 5.1.8.1.3.1); "" identifies no global objective.
      if (map.targetObjectiveID.trim() === '') {
        warn(
          ManifestWarningCode.ObjectiveMapNowhere,
          `item "${a.id}": a mapInfo of ${name} has an empty targetObjectiveID; the map is ignored`,
          a.element,
        );
        continue;
      }
      if (targets.has(map.targetObjectiveID))
        warn(
          ManifestWarningCode.ObjectiveMapNowhere,
          `item "${a.id}": ${name} maps to "${map.targetObjectiveID}" more than once`,
          a.element,
        );
      targets.add(map.targetObjectiveID);
    }
  }
}

/**
 * Counts that can never be reached: an attempt limit of 0, a selectCount above the number of children selects them all (SR.1,
 * sequencing.md §8), an atLeastCount rollup rule over more children than there are never fires (RB.1.4).
 */
function checkCounts(a: Activity, warn: Warn): void {
  const r = a.sequencing.randomizationControls;
  if (r.selectCount !== undefined && r.selectionTiming !== 'never' && r.selectCount > a.childCount)
    warn(
      ManifestWarningCode.SelectCountExceedsChildren,
      a.childCount === 0
        ? `item "${a.id}" selects ${r.selectCount} children but has none; nothing is selected`
        : `item "${a.id}" selects ${r.selectCount} children but has ${a.childCount}; all of them are used`,
      a.element,
    );
  // ▲ Some LMSs read 0 as "no limit"; we follow the reference implementation (no attempt allowed), so an
  // author who meant the other is told.
  if (a.sequencing.limitConditions.attemptLimit === 0)
    warn(
      ManifestWarningCode.AttemptLimitZero,
      `item "${a.id}" has attemptLimit="0": it can never be attempted, nor chosen (leave attemptLimit out for no limit)`,
      a.element,
    );
  for (const rule of a.sequencing.rollupRules.rules)
    if (rule.childActivitySet === 'atLeastCount' && rule.minimumCount > a.childCount)
      warn(
        ManifestWarningCode.RollupCountUnreachable,
        `item "${a.id}": a ${rule.action} rollup rule needs at least ${rule.minimumCount} of ${a.childCount} children; it can never apply`,
        a.element,
      );
}

/**
 * Two activities writing the same aspect of one global objective (SN 1.4, CAM 5.1.8.1.3), one blind to
 * the other: the global records whichever attempt ends last. Shared on purpose are writers that also read
 * that aspect through the same map (the golf pre-test and post-test: a test passed disables both) and
 * writers that share one sequencingCollection definition (interchangeable tests, the last one counts).
 * The engine writes in the order attempts end.
 */
function checkWriters(organization: Organization, activities: readonly Activity[], warn: Warn): void {
  const writers = new Map<string, { ids: string[]; deliberate: boolean; idRefs: Set<string | undefined> }>();
  for (const a of activities)
    for (const o of objectivesOf(a.sequencing))
      for (const map of o.mapInfo)
        for (const [flag, aspect, read] of WRITE_FLAGS) {
          if (!map[flag] || map.targetObjectiveID.trim() === '') continue;
          const key = `${map.targetObjectiveID}\u0000${aspect}`;
          const entry = writers.get(key) ?? { ids: [], deliberate: true, idRefs: new Set() };
          if (!entry.ids.includes(a.id)) entry.ids.push(a.id);
          entry.deliberate &&= map[read] === true;
          entry.idRefs.add(a.sequencing.idRef);
          writers.set(key, entry);
        }
  for (const [key, { ids, deliberate, idRefs }] of writers) {
    const shared = idRefs.size === 1 && !idRefs.has(undefined);
    if (ids.length < 2 || deliberate || shared) continue;
    const [target, aspect] = key.split('\u0000') as [string, string];
    warn(
      ManifestWarningCode.GlobalObjectiveWriters,
      `organization "${organization.identifier}": the global objective "${target}" has its ${aspect} written by ${ids.map((id) => `"${id}"`).join(', ')}, which do not read it; the last attempt to end wins`,
      `item[identifier=${ids[1]}]`,
    );
  }
}

/**
 * sequencingCollection entries: IDs unique (xs:ID), and no IDRef inside the collection (an entry is a
 * complete definition; the reader does not follow such references, and a chain of them may loop).
 */
function checkCollection(collection: readonly CollectionEntry[], warn: Warn): void {
  const byId = new Map<string, CollectionEntry>();
  for (const e of collection) {
    if (byId.has(e.id))
      warn(
        ManifestWarningCode.SequencingCollectionInvalid,
        `the sequencingCollection has two definitions with ID "${e.id}"; the last one is used`,
        'sequencingCollection',
      );
    byId.set(e.id, e);
  }
  const cycles = new Set<string>();
  for (const e of collection) {
    if (e.idRef === undefined) continue;
    if (!byId.has(e.idRef)) {
      warn(
        ManifestWarningCode.SequencingIdRefMissing,
        `the sequencingCollection definition "${e.id}" has IDRef="${e.idRef}", which names no definition; it is ignored`,
        'sequencingCollection',
      );
      continue;
    }
    // Follow the references from this entry: a chain that comes back to it is a cycle.
    const chain = [e.id];
    let ref: string | undefined = e.idRef;
    while (ref !== undefined && !chain.includes(ref)) {
      chain.push(ref);
      ref = byId.get(ref)?.idRef;
    }
    if (ref === e.id) {
      const key = [...chain].sort().join('\u0000');
      if (!cycles.has(key))
        warn(
          ManifestWarningCode.SequencingCollectionInvalid,
          `the sequencingCollection definitions ${[...chain, e.id].map((id) => `"${id}"`).join(' → ')} refer to each other in a cycle; their IDRefs are ignored`,
          'sequencingCollection',
        );
      cycles.add(key);
    } else
      warn(
        ManifestWarningCode.SequencingCollectionInvalid,
        `the sequencingCollection definition "${e.id}" refers to "${e.idRef}"; a definition in the collection is not based on another, so the IDRef is ignored`,
        'sequencingCollection',
      );
  }
}
