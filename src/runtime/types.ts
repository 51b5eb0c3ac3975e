// The public contract of the runtime library (see shared/docs/architecture.md, "Runtime library").
// DOM-free: the player, the dispatch relay and people embedding dist/runtime.js all rely on these shapes.

export type CompletionStatus = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
export type SuccessStatus = 'passed' | 'failed' | 'unknown';
/** SCORM 1.2 cmi.core.lesson_status vocabulary. */
export type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

/** What the 2004 runtime asks of the sequencer (SCORM 2004 RTE 4.2.x adl.nav; SN 4). */
export interface RuntimeNavigator {
  /**
   * Answers adl.nav.request_valid.continue / .previous / .choice.{target=ID} / .jump.{target=ID}.
   * 'unknown' when the sequencer cannot tell now.
   */
  isRequestValid(request: 'continue' | 'previous' | 'choice' | 'jump', target?: string): boolean | 'unknown';
  /**
   * Receives the pending adl.nav.request after Terminate (only when it is not '_none_'), e.g. 'continue',
   * 'previous', 'exitAll', or a choice/jump with its target.
   */
  request(request: NavRequestFromContent): void;
}

export type NavRequestFromContent =
  | { type: 'continue' | 'previous' | 'exit' | 'exitAll' | 'abandon' | 'abandonAll' | 'suspendAll' }
  | { type: 'choice' | 'jump'; target: string };

/** A shared-data store from adlcp:data/map (RTE 4.2.x adl.data). */
export type SharedDataStores = Record<string, string | undefined>;

export interface DataMapOption {
  targetID: string;
  readSharedData: boolean;
  writeSharedData: boolean;
}

export type TimeLimitAction = 'exit,message' | 'exit,no message' | 'continue,message' | 'continue,no message';

export interface RuntimeOptions {
  learnerId: string;
  learnerName?: string;
  credit?: 'credit' | 'no-credit';
  mode?: 'browse' | 'normal' | 'review';
  launchData?: string;
  /** 1.2: adlcp:masteryscore (0..100). */
  masteryScore?: number;
  /** 1.2: CMITimespan; 2004: timeinterval. */
  maxTimeAllowed?: string;
  timeLimitAction?: TimeLimitAction;
  /** 2004: 0..1. */
  completionThreshold?: number;
  /** 2004: -1..1. */
  scaledPassingScore?: number;
  /** 2004: objective ids pre-seeded from the manifest. */
  objectiveIds?: string[];
  /**
   * 2004: objective values from the sequencer's tracking data and global objectives (SN 5.1, read maps
   * applied), seeded into cmi.objectives at Initialize. An entry with the id of a resumed objective
   * replaces its values; ids not yet present are appended (after `objectiveIds`).
   */
  objectives?: ObjectiveSeed[];
  /** 2004: the item's adlcp:map entries. */
  dataMaps?: DataMapOption[];
  /** 2004: shared-data stores by targetID, shared by every SCO in scope. */
  sharedData?: SharedDataStores;
  /** A state() from an earlier session of the same SCO. */
  resume?: AttemptState;
  /**
   * Called on Commit and Terminate with the state to persist. Returning a `CommitRefusal` (the store is
   * known to be failing) makes that Commit / Terminate return "false": 2004 error 391 (General Commit
   * Failure), 1.2 error 101, with the refusal's diagnostic from GetDiagnostic.
   */
  onCommit?: (state: AttemptState) => unknown;
  /** Called whenever a watched value changes (status, score, location, progress), without polling. */
  onChange?: (change: RuntimeChange) => void;
  /** Called once, after a successful Terminate / LMSFinish, with the final state. */
  onTerminate?: (state: AttemptState) => void;
  /** 2004: the sequencer. */
  navigator?: RuntimeNavigator;
}

/**
 * One cmi.objectives.n entry as the sequencer knows it (SN 5.1). A field that is absent is unknown and
 * leaves the element not initialized (success/completion: 'unknown').
 */
export interface ObjectiveSeed {
  id: string;
  successStatus?: SuccessStatus;
  completionStatus?: CompletionStatus;
  scoreScaled?: number;
  scoreRaw?: number;
  scoreMin?: number;
  scoreMax?: number;
  progressMeasure?: number;
}

/** onCommit's answer when the state could not be kept (RTE 3.1.7.6 Commit; issue: saves never silent). */
export interface CommitRefusal {
  /** Why, for GetDiagnostic (at most 255 characters are kept). */
  diagnostic: string;
}

export interface RuntimeChange {
  /** The data-model element that changed, e.g. 'cmi.completion_status' or 'cmi.core.lesson_status'. */
  element: string;
  value: string;
}

/**
 * JSON-safe state of one SCO's attempt, as it should be stored between sessions. The normalized summary
 * fields let the player show progress without knowing the SCORM version; `data` holds the whole model.
 */
export interface AttemptState {
  scormVersion: '1.2' | '2004';
  /** The entry value the next session starts with ('ab-initio' | 'resume' | ''). */
  entry: 'ab-initio' | 'resume' | '';
  /** True when the next session begins a new attempt (the last exit was not suspend). */
  newAttempt: boolean;
  /** True once Terminate / LMSFinish has run for the session this state came from. */
  terminated: boolean;
  /** The last cmi.exit / cmi.core.exit value set in the session ('' when none). */
  exit: string;
  /** Accumulated total time, in the version's own format (CMITimespan or timeinterval). */
  totalTime: string;
  /** Accumulated total time in seconds. */
  totalSeconds: number;
  /** The session's own time in seconds (0 before any session_time was set). */
  sessionSeconds: number;
  completionStatus: CompletionStatus;
  successStatus: SuccessStatus;
  /** 1.2 only: the lesson_status as stored. */
  lessonStatus?: LessonStatus;
  scoreScaled?: number;
  scoreRaw?: number;
  scoreMin?: number;
  scoreMax?: number;
  progressMeasure?: number;
  location: string;
  suspendData: string;
  /** 2004: the adl.nav.request pending at Terminate ('_none_' when none). */
  navRequest?: string;
  /**
   * The whole data model (version-specific, JSON-safe); read it through the API (or storedValues /
   * storedRecords), not directly. Records a Commit did not change are the same objects as in the state
   * before it, so a store can compare by identity and write only what changed.
   */
  data: Record<string, unknown>;
}
