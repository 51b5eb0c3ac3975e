// The attempt's data between sessions: what a resumed session starts from (restoreAttempt) and the state()
// a session hands over (describeAttempt). AttemptState.data is
//   { values: { element: value } outside records, counts: { collection: records },
//     '<collection>': [{ rest of the element name: value }, …] for each top-level collection with records }
// (value-table.ts): a Commit shares the records that did not change with the state before it, so a store
// can write what changed. States of earlier versions kept every value in `values`; both read the same.
// Readers outside the runtime use storedValues() and storedCounts() rather than the shape.
import type { DataModel } from './data-model.js';
import type { AttemptState } from './types.js';
import type { ValueTable } from './value-table.js';

/** Where a session starts. */
export interface StartingPoint {
  elementValues: Record<string, string>;
  recordCounts: Record<string, number>;
  /** Seconds of the attempt's earlier sessions. */
  earlierSeconds: number;
  entryValue: AttemptState['entry'];
}

const roundToHundredths = (seconds: number): number => Math.round(seconds * 100) / 100;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The SCO's stored values of a state (element → value), whatever the state's age or origin. */
export function storedValues(state: Pick<AttemptState, 'data'> | undefined): Record<string, string> {
  const data: unknown = state?.data;
  const out: Record<string, string> = {};
  if (!isObject(data)) return out;
  const values = data.values;
  if (isObject(values))
    for (const [name, value] of Object.entries(values)) if (typeof value === 'string') out[name] = value;
  for (const [collection, records] of Object.entries(data)) {
    if (!Array.isArray(records)) continue;
    records.forEach((record: unknown, position) => {
      if (!isObject(record)) return;
      for (const [rest, value] of Object.entries(record))
        if (typeof value === 'string') out[`${collection}.${position}.${rest}`] = value;
    });
  }
  return out;
}

/** A record's string values (the rest of each element name → value). */
function recordOf(record: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(record))
    for (const [rest, value] of Object.entries(record)) if (typeof value === 'string') out[rest] = value;
  return out;
}

/**
 * The stored records of one top-level collection ('cmi.objectives'), each by the rest of its element names
 * ('id', 'score.raw'), without expanding the rest of the state (a long session's interactions).
 */
export function storedRecords(
  state: Pick<AttemptState, 'data'> | undefined,
  collection: string,
): Record<string, string>[] {
  const data: unknown = state?.data;
  if (!isObject(data)) return [];
  const list = data[collection];
  if (Array.isArray(list)) return list.map(recordOf);
  // A state of the earlier shape: the records' values are among data.values.
  const records: Record<string, string>[] = [];
  const prefix = `${collection}.`;
  const values = storedValues(state);
  for (const name in values) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.(.+)$/.exec(name.slice(prefix.length));
    if (match) (records[+match[1]!] ??= {})[match[2]!] = values[name]!;
  }
  return Array.from(records, (record) => record ?? {});
}

/** The SCO's stored collection counts of a state (collection → records), whatever the state's age or origin. */
export function storedCounts(state: Pick<AttemptState, 'data'> | undefined): Record<string, number> {
  const counts = (state?.data as { counts?: unknown } | undefined)?.counts;
  const out: Record<string, number> = {};
  if (counts && typeof counts === 'object')
    for (const [name, count] of Object.entries(counts)) if (typeof count === 'number') out[name] = count;
  return out;
}

/** The starting point of a session: fresh, or resumed from an earlier session's state of the same version. */
export function restoreAttempt(model: DataModel, resume: AttemptState | undefined): StartingPoint {
  const start: StartingPoint = {
    elementValues: {},
    recordCounts: {},
    earlierSeconds: 0,
    entryValue: 'ab-initio',
  };
  if (!resume || resume.scormVersion !== model.scormVersion) return start;
  const newAttempt = !!resume.newAttempt;
  const values = storedValues(resume);
  for (const name in values)
    if (!newAttempt || name.startsWith(model.keptAcrossAttempts)) start.elementValues[name] = values[name]!;
  if (!newAttempt) start.recordCounts = storedCounts(resume);
  // A session that never terminated still counts its time, once, here. A new 2004 attempt starts its
  // total time over (RTE 4.2.27); 1.2 keeps adding.
  start.earlierSeconds =
    newAttempt && model.scormVersion === '2004'
      ? 0
      : roundToHundredths(
          (+resume.totalSeconds || 0) + (resume.terminated ? 0 : +resume.sessionSeconds || 0),
        );
  // A new attempt always begins ab-initio (RTE 4.2.8), whatever exit ended the last one.
  start.entryValue = newAttempt
    ? 'ab-initio'
    : ['ab-initio', 'resume', ''].includes(resume.entry)
      ? resume.entry
      : 'resume';
  delete start.elementValues[model.exitElement];
  delete start.elementValues[model.sessionTimeElement];
  delete start.elementValues['adl.nav.request'];
  return start;
}

/** What state() reports of a session, beside the version's summary fields. */
export interface SessionFacts {
  started: boolean;
  terminated: boolean;
  entryValue: AttemptState['entry'];
  /** cmi.exit as the session left it. */
  exitValue: string;
  totalSeconds: number;
  sessionSeconds: number;
  elementValues: ValueTable;
  recordCounts: Record<string, number>;
}

/** The JSON-safe state of the attempt: what the next session needs (see AttemptState). */
export function describeAttempt(model: DataModel, facts: SessionFacts): AttemptState {
  const { values, records } = facts.elementValues.snapshot();
  const exit = facts.exitValue;
  // After a suspend (or a suspendAll request: ADL's SampleRTE treats it so), or a session cut off before
  // it said how it ends, the attempt goes on.
  const suspended = exit === 'suspend' || values['adl.nav.request'] === 'suspendAll';
  const newAttempt = facts.started && !suspended && (facts.terminated || !!exit);
  const state: AttemptState = {
    scormVersion: model.scormVersion,
    entry: !facts.started ? facts.entryValue : newAttempt ? 'ab-initio' : 'resume',
    newAttempt,
    terminated: facts.terminated,
    exit,
    totalTime: model.formatTime(facts.totalSeconds),
    totalSeconds: facts.totalSeconds,
    sessionSeconds: facts.sessionSeconds,
    completionStatus: 'unknown',
    successStatus: 'unknown',
    location: values[model.locationElement] ?? '',
    suspendData: values['cmi.suspend_data'] ?? '',
    data: { values, counts: { ...facts.recordCounts }, ...records },
  };
  for (const [field, element] of model.summaryNumbers)
    if (values[element]) (state as unknown as Record<string, number>)[field] = +values[element];
  return state;
}
