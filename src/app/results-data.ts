// What the results view shows and exports: per course and learner, the course record and each item's
// attempt with its interactions. Read through the ProgressStore the app chose (IndexedDB).
import { eachItem } from '../package/items.js';
import type { Manifest } from '../package/types.js';
import { storedValues } from '../runtime/attempt-data.js';
import type { AttemptState } from '../runtime/types.js';
import type { PlayerDatabase, StoredAttempt, StoredCourseProgress } from '../storage/db.js';
import type { ProgressStore } from '../storage/progress.js';

export interface InteractionRow {
  id: string;
  type: string;
  description: string;
  /** 2004 learner_response; 1.2 student_response. */
  learnerResponse: string;
  correctResponses: string[];
  result: string;
  /** 2004 timestamp; 1.2 time. */
  timestamp: string;
  weighting: string;
  latency: string;
}

export interface ItemResult {
  itemId: string;
  title: string;
  completion: AttemptState['completionStatus'];
  success: AttemptState['successStatus'];
  /** 1.2 lesson_status, as the SCO set it. */
  lessonStatus?: string;
  scoreScaled?: number;
  scoreRaw?: number;
  scoreMin?: number;
  scoreMax?: number;
  progressMeasure?: number;
  totalSeconds: number;
  location: string;
  updatedAt: string;
  interactions: InteractionRow[];
}

export interface CourseResult {
  course: StoredCourseProgress;
  items: ItemResult[];
}

/**
 * The interactions of an attempt, read from the runtime's saved data model (src/runtime: `data.values`
 * keyed by element). RTE 4.2.9 (2004) and 3.4.2.x cmi.interactions (1.2) name some children differently.
 */
export function interactionsOf(state: AttemptState): InteractionRow[] {
  const values = storedValues(state);
  const get = (key: string): string => {
    const v = values[key];
    return typeof v === 'string' ? v : '';
  };
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^cmi\.interactions\.(\d+)\./.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((n) => {
      const at = `cmi.interactions.${n}.`;
      const correct: string[] = [];
      for (let m = 0; values[`${at}correct_responses.${m}.pattern`] !== undefined; m++) {
        correct.push(get(`${at}correct_responses.${m}.pattern`));
      }
      return {
        id: get(`${at}id`),
        type: get(`${at}type`),
        description: get(`${at}description`),
        learnerResponse: get(`${at}learner_response`) || get(`${at}student_response`),
        correctResponses: correct,
        result: get(`${at}result`),
        timestamp: get(`${at}timestamp`) || get(`${at}time`),
        weighting: get(`${at}weighting`),
        latency: get(`${at}latency`),
      };
    });
}

/** Item titles by identifier, from a manifest's default organization. */
export function itemTitles(manifest: Manifest | undefined): Map<string, string> {
  const titles = new Map<string, string>();
  for (const org of manifest?.organizations ?? [])
    for (const item of eachItem(org.items)) titles.set(item.identifier, item.title);
  return titles;
}

/**
 * The manifest of a course, to name and order its items: an imported package (`pkg:<manifestIdentifier>`),
 * a zip opened by URL (imported, with that URL as its source), or a manifest URL fetched again (it is on
 * the course's own host; when that fails, items are shown by identifier).
 */
export async function manifestFor(db: PlayerDatabase, courseKey: string): Promise<Manifest | undefined> {
  if (courseKey.startsWith('pkg:')) {
    const packages = await db.getAllFromIndex('packages', 'byManifestIdentifier', courseKey.slice(4));
    packages.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
    return packages[0]?.manifest;
  }
  if (!courseKey.startsWith('url:')) return undefined;
  const url = courseKey.slice(4);
  const imported = (await db.getAll('packages')).find((p) => p.source === url);
  if (imported) return imported.manifest;
  try {
    const response = await fetch(url);
    if (!response.ok) return undefined;
    const { parseManifest } = await import('../package/parse-manifest.js');
    return parseManifest(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return undefined;
  }
}

export function itemResult(attempt: StoredAttempt, titles: Map<string, string>): ItemResult {
  const s = attempt.state;
  const r: ItemResult = {
    itemId: attempt.itemId,
    title: titles.get(attempt.itemId) ?? attempt.itemId,
    completion: s.completionStatus,
    success: s.successStatus,
    totalSeconds: s.totalSeconds,
    location: s.location,
    updatedAt: attempt.updatedAt,
    interactions: interactionsOf(s),
  };
  if (s.lessonStatus !== undefined) r.lessonStatus = s.lessonStatus;
  if (s.scoreScaled !== undefined) r.scoreScaled = s.scoreScaled;
  if (s.scoreRaw !== undefined) r.scoreRaw = s.scoreRaw;
  if (s.scoreMin !== undefined) r.scoreMin = s.scoreMin;
  if (s.scoreMax !== undefined) r.scoreMax = s.scoreMax;
  if (s.progressMeasure !== undefined) r.progressMeasure = s.progressMeasure;
  return r;
}

/** Every course record matching the filters, newest first, with its items in manifest order when known. */
export async function loadResults(
  db: PlayerDatabase,
  store: ProgressStore,
  filter: { courseKey?: string; learnerId?: string },
): Promise<CourseResult[]> {
  const courses = (await store.listCourses(filter.courseKey))
    .filter((c) => filter.learnerId === undefined || c.learnerId === filter.learnerId)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const manifests = new Map<string, Promise<Manifest | undefined>>();
  return Promise.all(
    courses.map(async (course) => {
      let manifest = manifests.get(course.courseKey);
      if (!manifest) manifests.set(course.courseKey, (manifest = manifestFor(db, course.courseKey)));
      const titles = itemTitles(await manifest);
      const order = [...titles.keys()];
      const attempts = await store.loadAttempts(course.courseKey, course.learnerId);
      const rank = (id: string) => {
        const i = order.indexOf(id);
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
      };
      attempts.sort((a, b) => rank(a.itemId) - rank(b.itemId) || a.itemId.localeCompare(b.itemId));
      return { course, items: attempts.map((a) => itemResult(a, titles)) };
    }),
  );
}

/** The course key for `?view=results&course=`: a key as stored (pkg:, url:, dispatch:) or a course URL. */
export function courseKeyFromParam(course: string, base: string): string {
  if (/^(pkg|url|dispatch):/.test(course)) return course;
  return `url:${manifestUrlOf(course, base)}`;
}

/** The manifest URL of a course URL (a folder gets imsmanifest.xml), absolute. */
export function manifestUrlOf(course: string, base: string): string {
  const url = new URL(course, base);
  if (url.pathname.endsWith('/')) url.pathname += 'imsmanifest.xml';
  return url.href;
}
