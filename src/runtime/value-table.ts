// The SCO's values in a session, kept so that handing the state over costs what changed rather than the
// whole data model (issue 12: a SCO that records 10 000 interactions commits in milliseconds). Values of a
// collection's records (cmi.interactions.7.result, cmi.objectives.2.score.raw) are kept per record, one
// object per record that is replaced, never changed, when one of its values is written: a snapshot then
// shares every record that did not change with the snapshot before it, and a store compares them by
// identity. The other values (cmi.location, cmi.suspend_data…) are few and copied whole.

/** A record's values by the rest of the element name ('id', 'objectives.0.id', 'score.raw'). */
export type RecordValues = Readonly<Record<string, string>>;

/** What a snapshot holds: the values outside records, and each collection's records in order. */
export interface ValueSnapshot {
  values: Record<string, string>;
  records: Record<string, RecordValues[]>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ValueTable {
  /** Every value by canonical element name: what reads use. */
  readonly #all: Record<string, string> = {};
  /** The values outside records. */
  readonly #plain: Record<string, string> = {};
  /** Each top-level collection's records ('cmi.interactions' → record 0, 1…). */
  readonly #records = new Map<string, RecordValues[]>();
  /** `<collection>.<n>.<rest>` for the data model's top-level collections. */
  readonly #recordName: RegExp;

  /** `collections`: the data model's collection patterns; the top-level ones ('cmi.interactions') hold records. */
  constructor(collections: readonly string[]) {
    const topLevel = collections.filter((pattern) => !pattern.includes('.n.')).map(escapeRegExp);
    this.#recordName = new RegExp(`^(${topLevel.join('|') || '(?!)'})\\.(\\d+)\\.(.+)$`);
  }

  get(name: string): string | undefined {
    return this.#all[name];
  }

  set(name: string, value: string): void {
    this.#all[name] = value;
    const record = this.#recordName.exec(name);
    if (!record) {
      this.#plain[name] = value;
      return;
    }
    const [, collection, position, rest] = record as unknown as [string, string, string, string];
    const list = this.#list(collection, +position);
    list[+position] = { ...list[+position], [rest]: value };
  }

  delete(name: string): void {
    if (!(name in this.#all)) return;
    delete this.#all[name];
    const record = this.#recordName.exec(name);
    if (!record) {
      delete this.#plain[name];
      return;
    }
    const [, collection, position, rest] = record as unknown as [string, string, string, string];
    const list = this.#list(collection, +position);
    const kept = { ...list[+position] };
    delete kept[rest];
    list[+position] = kept;
  }

  /** The collection's record list, grown to hold `position` (records come in order; gaps are empty records). */
  #list(collection: string, position: number): RecordValues[] {
    let list = this.#records.get(collection);
    if (!list) this.#records.set(collection, (list = []));
    while (list.length <= position) list.push({});
    return list;
  }

  /**
   * The values as they are now. The record lists are new arrays, the records in them shared with earlier
   * snapshots while unchanged: nothing in a snapshot changes when the session writes on.
   */
  snapshot(): ValueSnapshot {
    const records: Record<string, RecordValues[]> = {};
    for (const [collection, list] of this.#records) if (list.length) records[collection] = list.slice();
    return { values: { ...this.#plain }, records };
  }
}
