// The learner of standalone launches, kept locally in the settings store (asked once, then remembered).
import type { PlayerDatabase } from '../storage/db.js';

export interface Learner {
  /** cmi.learner_id / cmi.core.student_id. */
  id: string;
  /** cmi.learner_name / cmi.core.student_name. */
  name: string;
}

const KEY = 'learner';

export async function loadLearner(db: PlayerDatabase): Promise<Learner | undefined> {
  const value = await db.get('settings', KEY);
  return isLearner(value) ? value : undefined;
}

export async function saveLearner(db: PlayerDatabase, learner: Learner): Promise<void> {
  await db.put('settings', learner, KEY);
}

/** A new learner from a typed name: the id is the name's slug plus a random suffix, stable once stored. */
export function learnerFromName(name: string): Learner {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const slug = trimmed
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 32);
  const suffix = crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36);
  return { id: `${slug || 'learner'}-${suffix}`, name: trimmed };
}

/** `&learner=<id>` names the learner for this launch only (architecture.md, "The app's URLs"). */
export function learnerFromParam(id: string): Learner {
  return { id, name: id };
}

function isLearner(value: unknown): value is Learner {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Learner).id === 'string' &&
    typeof (value as Learner).name === 'string'
  );
}
