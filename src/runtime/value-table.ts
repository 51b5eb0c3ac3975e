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

/** Where a record's value is: its top-level collection, the record's position and the rest of the name. */
export interface RecordPlace {
  collection: string;
  position: number;
  rest: string;
}

export class ValueTable {
  /** Every value by canonical element name: what reads use. */
  readonly #all: Record<string, string> = {};
  /** The values outside records. */
  readonly #plain: Record<string, string> = {};
  /** Each top-level collection's records ('cmi.interactions' → record 0, 1…). */
  readonly #records = new Map<string, Record<string, string>[]>();
  /**
   * Records a snapshot holds, which a write must replace rather than change. A snapshot hands out every
   * record, so instead of marking them it counts: a record made after the last snapshot is this table's alone.
   */
  readonly #madeAt = new Map<string, number[]>();
  #snapshots = 0;
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

  /** Where a name's value lives when it is a record's (parsed from the name when the caller has not). */
  #placeOf(name: string): RecordPlace | undefined {
    const match = this.#recordName.exec(name);
    return match ? { collection: match[1]!, position: +match[2]!, rest: match[3]! } : undefined;
  }

  set(name: string, value: string): void {
    this.setParsed(name, value, this.#placeOf(name));
  }

  /** Sets a value whose name the caller has parsed: `place` is its record's, undefined outside records. */
  setParsed(name: string, value: string, place: RecordPlace | undefined): void {
    this.#all[name] = value;
    if (place) this.#writable(place)[place.rest] = value;
    else this.#plain[name] = value;
  }

  delete(name: string): void {
    if (!(name in this.#all)) return;
    delete this.#all[name];
    const place = this.#placeOf(name);
    if (place) delete this.#writable(place)[place.rest];
    else delete this.#plain[name];
  }

  /** The record at `place`, made when missing (records come in order; gaps get empty ones), and no snapshot's. */
  #writable({ collection, position }: RecordPlace): Record<string, string> {
    let list = this.#records.get(collection);
    let madeAt = this.#madeAt.get(collection);
    if (!list || !madeAt) {
      this.#records.set(collection, (list = []));
      this.#madeAt.set(collection, (madeAt = []));
    }
    while (list.length <= position) {
      list.push({});
      madeAt.push(this.#snapshots);
    }
    if (madeAt[position]! < this.#snapshots) {
      list[position] = { ...list[position] };
      madeAt[position] = this.#snapshots;
    }
    return list[position]!;
  }

  /**
   * The values as they are now. The record lists are new arrays, the records in them shared with earlier
   * snapshots while unchanged: nothing in a snapshot changes when the session writes on.
   */
  snapshot(): ValueSnapshot {
    this.#snapshots++;
    const records: Record<string, RecordValues[]> = {};
    for (const [collection, list] of this.#records) if (list.length) records[collection] = list.slice();
    return { values: { ...this.#plain }, records };
  }
}
