// Attempt states cross the content host ⇄ player channel after every Commit and every burst of SetValue
// calls (protocol.ts: `commit`, `state`, `unloaded`). A long session's records (10 000 interactions) would
// make each message a copy of all of them. The runtime shares the records a write did not touch between one
// state and the next (runtime/value-table.ts), so the host sends only the records that changed since its
// last message, and the player puts them into the lists it holds: unchanged records stay the very objects
// it had, which the store then compares by identity (storage/attempt-chunks.ts), so a Commit through the
// content host writes what changed, as a direct one does. The channel is a MessagePort: ordered, lossless,
// one per launch; a sender and a receiver live exactly as long as it. DOM-free.
import type { AttemptState } from '../runtime/types.js';

/** One record list of AttemptState.data (a top-level array): its length and the records that changed. */
export interface RecordListChange {
  length: number;
  changed: [index: number, record: unknown][];
}

/** By the key of AttemptState.data ('cmi.interactions'). */
export type RecordChanges = Record<string, RecordListChange>;

/** The most records a list may hold: far past any SCO (SCORM's smallest permitted maximum is 250). */
const MAX_RECORDS = 1_000_000;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isIndex = (x: unknown, below: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < below;

/** The shape check of `records` on a message (protocol.ts guards). */
export function isRecordChanges(value: unknown): value is RecordChanges {
  if (!isRecord(value)) return false;
  return Object.values(value).every(
    (list) =>
      isRecord(list) &&
      isIndex(list.length, MAX_RECORDS + 1) &&
      Array.isArray(list.changed) &&
      list.changed.every(
        (entry: unknown) =>
          Array.isArray(entry) &&
          entry.length === 2 &&
          isIndex(entry[0], list.length as number) &&
          isRecord(entry[1]),
      ),
  );
}

/** The host's side: what the player already has of each record list. */
export class RecordSender {
  readonly #sent = new Map<string, readonly unknown[]>();

  /** The state without its record lists, and those lists' changes since the last state sent. */
  pack(state: AttemptState): { state: AttemptState; records: RecordChanges } {
    const data: Record<string, unknown> = {};
    const records: RecordChanges = {};
    for (const [key, value] of Object.entries(state.data)) {
      if (!Array.isArray(value)) {
        data[key] = value;
        continue;
      }
      const before = this.#sent.get(key) ?? [];
      const changed: RecordListChange['changed'] = [];
      for (let i = 0; i < value.length; i++) if (value[i] !== before[i]) changed.push([i, value[i]]);
      records[key] = { length: value.length, changed };
      this.#sent.set(key, value);
    }
    for (const key of [...this.#sent.keys()]) if (!(key in records)) this.#sent.delete(key);
    return { state: { ...state, data }, records };
  }
}

/** The player's side: the record lists as the host last sent them. */
export class RecordReceiver {
  readonly #held = new Map<string, unknown[]>();

  /** The whole state again: the lists this side holds, with the changed records put in. */
  unpack(state: AttemptState, records: RecordChanges): AttemptState {
    const data: Record<string, unknown> = { ...state.data };
    for (const key of [...this.#held.keys()]) if (!(key in records)) this.#held.delete(key);
    for (const [key, { length, changed }] of Object.entries(records)) {
      const list = (this.#held.get(key) ?? []).slice(0, length);
      for (const [index, record] of changed) list[index] = record;
      // A record this side never had (only a host out of step would leave one): an empty record, not a hole.
      for (let i = 0; i < length; i++) list[i] ??= {};
      this.#held.set(key, list);
      data[key] = list;
    }
    return { ...state, data };
  }
}
