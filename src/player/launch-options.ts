// The launch values a SCO receives from the manifest (scorm-reference D, "1.2 item extensions and their
// 2004 equivalents"), as RuntimeOptions fields. Pure: no DOM, no runtime instance.
import type { Item, Manifest } from '../package/types.js';
import type { RuntimeOptions } from '../runtime/types.js';

export type LaunchValues = Pick<
  RuntimeOptions,
  | 'launchData'
  | 'masteryScore'
  | 'maxTimeAllowed'
  | 'timeLimitAction'
  | 'completionThreshold'
  | 'scaledPassingScore'
  | 'objectiveIds'
  | 'dataMaps'
>;

export function launchValues(manifest: Manifest, item: Item): LaunchValues {
  const v: LaunchValues = {};
  if (item.dataFromLms !== undefined) v.launchData = item.dataFromLms;
  if (item.maxTimeAllowed !== undefined) v.maxTimeAllowed = item.maxTimeAllowed;
  if (item.timeLimitAction !== undefined) v.timeLimitAction = item.timeLimitAction;
  if (manifest.version === '1.2') {
    // adlcp:masteryscore → cmi.student_data.mastery_score.
    if (item.masteryScore !== undefined) v.masteryScore = item.masteryScore;
    return v;
  }
  // adlcp:completionThreshold → cmi.completion_threshold. In the 4th edition it applies only with
  // completedByMeasure="true"; earlier editions wrote the threshold as the element's text and always use it.
  const ct = item.completionThreshold;
  if (ct && (manifest.version !== '2004-4th' || ct.completedByMeasure))
    v.completionThreshold = ct.minProgressMeasure;
  const objectives = item.sequencing?.objectives;
  // imsss:primaryObjective satisfiedByMeasure + minNormalizedMeasure → cmi.scaled_passing_score.
  if (objectives?.primary?.satisfiedByMeasure) v.scaledPassingScore = objectives.primary.minNormalizedMeasure;
  // Objective ids declared in the manifest are pre-seeded in cmi.objectives (RTE 4.2.17).
  const ids = [
    objectives?.primary?.objectiveID,
    ...(objectives?.secondary ?? []).map((o) => o.objectiveID),
  ].filter((id): id is string => typeof id === 'string' && id !== '');
  if (ids.length) v.objectiveIds = ids;
  if (item.dataMaps.length) v.dataMaps = item.dataMaps.map((m) => ({ ...m }));
  return v;
}
