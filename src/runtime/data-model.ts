// What a version's data model is made of: its elements (access, value check, default, computed reads and
// writes), its error codes by situation, and the rules that differ between SCORM 1.2 and 2004. The engine
// (session.ts) knows elements only through this description; scorm12.ts and scorm2004.ts each supply one.
import type { ElementPath } from './element-names.js';
import type { Session } from './session.js';
import type { AttemptState } from './types.js';

/** Access bits: an element the SCO may read, write, or both. */
export const READ = 1;
export const WRITE = 2;
export const READ_WRITE = READ | WRITE;

/**
 * Why a value or a read was refused. Each version maps the kind to its own error code
 * (ErrorCodes.byRefusal): 1.2 has one code (405) where 2004 tells type, range and size apart.
 */
export type RefusalKind = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const TYPE_MISMATCH = 1;
export const OUT_OF_RANGE = 2;
/** Longer than the smallest permitted maximum (2004: 351). */
export const TOO_LONG = 3;
/** A general set failure (2004: 351): duplicates, write-once ids, full collections. */
export const SET_FAILURE = 4;
/** A dependency is not established (2004: 408), e.g. a pattern before the interaction's type. */
export const DEPENDENCY = 5;
export const READ_ONLY = 6;
export const WRITE_ONLY = 7;

export interface Refusal {
  refusalKind: RefusalKind;
  reason: string;
}

export const refuse = (refusalKind: RefusalKind, reason: string): Refusal => ({ refusalKind, reason });

/** Checks a value before it is stored: undefined when it may be stored. */
export type ValueCheck = (value: string, session: Session, path: ElementPath) => Refusal | undefined;
/** Computes an element's value (undefined: not initialized). */
export type ValueReader = (session: Session, path: ElementPath) => string | undefined | Refusal;
/** Stores a value elsewhere; true when it is not kept among the SCO's values as well. */
export type ValueWriter = (session: Session, path: ElementPath, value: string) => boolean;

/** One data-model element. */
export interface ElementSpec {
  access: number;
  check?: ValueCheck | undefined;
  /** The value before anything sets it (undefined: not initialized). */
  initial?: string | undefined;
  read?: ValueReader | undefined;
  write?: ValueWriter | undefined;
}

/** A read-only element the LMS provides. */
export const readOnly = (initial?: string, read?: ValueReader): ElementSpec => ({
  access: READ,
  initial,
  read,
});
/** An element the SCO may write but not read back (cmi.exit, session time, 1.2 interactions). */
export const writeOnly = (check: ValueCheck): ElementSpec => ({ access: WRITE, check });
export const readWrite = (
  check: ValueCheck,
  initial?: string,
  read?: ValueReader,
  write?: ValueWriter,
): ElementSpec => ({ access: READ_WRITE, check, initial, read, write });

/** The API calls, as indexes into ErrorCodes' per-call lists. */
export const INITIALIZE = 0;
export const TERMINATE = 1;
export const GET_VALUE = 2;
export const SET_VALUE = 3;
export const COMMIT = 4;

/** Error codes by situation (1.2: RTE 3.3; 2004: RTE 3.1.7). */
export interface ErrorCodes {
  /** Per call: before Initialize. */
  beforeInitialize: number[];
  /** Per call: after Terminate. */
  afterTerminate: number[];
  /** Per call: an unexpected failure inside the runtime. */
  generalFailure: number[];
  /** The state could not be kept on Commit or Terminate (2004: 391). */
  commitFailure: number;
  alreadyInitialized: number;
  /** An argument that must be "" was not. */
  argument: number;
  undefinedElement: number;
  /** _children of an element without children. */
  noChildren: number;
  /** _count of an element that is not a collection. */
  notCollection: number;
  /** _version of anything but cmi. */
  noVersion: number;
  /** SetValue of a keyword. */
  keywordSet: number;
  readOnly: number;
  writeOnly: number;
  /** GetValue of a record beyond _count. */
  noRecord: number;
  /** SetValue of a record past the next free one. */
  recordOutOfOrder: number;
  /** GetValue / SetValue with an empty element name. */
  emptyName: [get: number, set: number];
  /** GetValue of a value never set (0 in 1.2, where "" is the value). */
  notInitialized: number;
  /** Refusal kinds → codes. */
  byRefusal: number[];
}

/** A data model: the element table and what differs between the versions. */
export interface DataModel {
  scormVersion: '1.2' | '2004';
  /** cmi._version. */
  dataModelVersion: string;
  /** Elements by pattern ('cmi.interactions.n.id'). */
  elements: Record<string, ElementSpec>;
  /** _children by node pattern. */
  childrenOf: Record<string, string>;
  /** Collections by pattern → the field whose set adds a record ('' = any field). */
  collections: Record<string, string>;
  codes: ErrorCodes;
  errorStrings: Record<number, string>;
  /** Elements onChange reports. */
  watchedElements: string[];
  /** Numeric summary fields of AttemptState, with the element each is read from. */
  summaryNumbers: [field: keyof AttemptState, element: string][];
  exitElement: string;
  sessionTimeElement: string;
  locationElement: string;
  /** Elements a new attempt keeps (learner preferences) start with this. */
  keptAcrossAttempts: string;
  parseTime: (value: string) => number;
  formatTime: (seconds: number) => string;
  /** Sets the values the LMS provides and the version's starting values (called once, before Initialize). */
  setUp: (session: Session) => void;
  /** The version's rules at Terminate, after the session time was added (statuses). */
  finishSession: (session: Session) => void;
  /** Fills the version's summary fields of the state. */
  summarize: (session: Session, state: AttemptState) => void;
  /** Elements outside the table's grammar (adl.nav.request_valid.*); undefined when the name is not one. */
  readSpecial?: (session: Session, name: string, set: boolean) => string | Refusal | undefined;
  /** After a successful Terminate (2004: hands the navigation request on). */
  afterTerminate?: (session: Session) => void;
}
