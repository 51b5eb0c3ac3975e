// Element names parsed against a data model: 'cmi.interactions.01.objectives.2.id' becomes the canonical
// name, the table pattern ('cmi.interactions.n.objectives.n.id'), the steps into collections on the way and
// the keyword (_children, _count, _version) if there is one.
import type { DataModel, ElementSpec } from './data-model.js';

/** One index on the way to an element: cmi.interactions.3.objectives.1.id has two. */
export interface IndexStep {
  /** The collection ('cmi.interactions.3.objectives'). */
  collection: string;
  position: number;
  /** The record ('cmi.interactions.3.objectives.1'). */
  record: string;
  /** The collection's pattern ('cmi.interactions.n.objectives'). */
  collectionPattern: string;
}

/** A parsed element name. */
export interface ElementPath {
  /** The name without its keyword, every index in plain decimal form. */
  canonical: string;
  /** The table pattern, with 'n' for every index. */
  pattern: string;
  indexSteps: IndexStep[];
  /** '_children', '_count', '_version' or ''. */
  keyword: string;
  /** The element in the table (undefined for keywords and names outside the model). */
  spec: ElementSpec | undefined;
}

const INDEX = /^\d+$/;
const KEYWORDS = ['_children', '_count', '_version'];
/** A literal 'n' where an index belongs is no element. */
const LITERAL_N = /\.n(\.|$)/;

/** What parsing keeps per model: names without indexes, and the last record's part of a name. */
interface NameCache {
  byName: Map<string, ElementPath>;
  lastHead?: string;
  lastSplit?: SplitName;
}
const caches = new WeakMap<DataModel, NameCache>();

interface SplitName {
  canonical: string;
  pattern: string;
  indexSteps: IndexStep[];
}

/**
 * The canonical name, pattern and steps of a name. An index is a number however it is written (RTE 4.1.1.2:
 * `cmi.interactions.01.id` addresses record 1), so the name is rebuilt with each index in decimal form.
 */
function split(name: string): SplitName {
  const indexSteps: IndexStep[] = [];
  let canonical = '';
  let pattern = '';
  for (const part of name.split('.')) {
    if (canonical && INDEX.test(part)) {
      const position = +part;
      indexSteps.push({
        collection: canonical,
        position,
        record: `${canonical}.${position}`,
        collectionPattern: pattern,
      });
      canonical += '.' + position;
      pattern += '.n';
    } else {
      canonical = canonical ? `${canonical}.${part}` : part;
      pattern = pattern ? `${pattern}.${part}` : part;
    }
  }
  return { canonical, pattern, indexSteps };
}

export function parseName(model: DataModel, name: string): ElementPath {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = { byName: new Map() }));
  let path = cache.byName.get(name);
  if (path) return path;
  const dot = name.lastIndexOf('.');
  const last = name.slice(dot + 1);
  const keyword = dot > 0 && KEYWORDS.includes(last) ? last : '';
  const bare = keyword ? name.slice(0, dot) : name;
  // The fields of one record are usually set one after another: the record's part of the name is split
  // once, and names with indexes are not kept (they are many and seldom repeat).
  const cut = bare.lastIndexOf('.');
  const head = bare.slice(0, cut);
  const tail = bare.slice(cut);
  let parts: SplitName;
  if (cut < 0 || INDEX.test(tail.slice(1))) parts = split(bare);
  else {
    if (cache.lastHead !== head || !cache.lastSplit) {
      cache.lastHead = head;
      cache.lastSplit = split(head);
    }
    const record = cache.lastSplit;
    parts = {
      canonical: record.canonical + tail,
      pattern: record.pattern + tail,
      indexSteps: record.indexSteps,
    };
  }
  path = {
    canonical: parts.canonical,
    pattern: parts.pattern,
    indexSteps: parts.indexSteps,
    keyword,
    spec: keyword || LITERAL_N.test(parts.canonical) ? undefined : model.elements[parts.pattern],
  };
  if (!path.indexSteps.length) cache.byName.set(name, path);
  return path;
}

const nodes = new WeakMap<DataModel, Set<string>>();

/** True for every pattern that is an element or a node above one (to tell 301/202 from 401). */
export function isKnownPattern(model: DataModel, pattern: string): boolean {
  let known = nodes.get(model);
  if (!known) {
    nodes.set(model, (known = new Set()));
    for (const element of Object.keys(model.elements))
      for (let i = element.length; i > 0; i = element.lastIndexOf('.', i - 1)) known.add(element.slice(0, i));
  }
  return known.has(pattern);
}
