// Turns the player's progress reports into what a dispatch sends on: the course results plus the time spent
// in this launch. DOM-free; the shape below is the part of the player's ScormProgressEvent detail it reads
// (src/player/events.ts ProgressDetail), typed here because dispatch may not import the player.
import type { Completion, RelayResults, Success } from './relay-protocol.js';

export interface ProgressLike {
  itemId: string;
  completion: Completion;
  success: Success;
  scoreScaled?: number;
  scoreRaw?: number;
  scoreMin?: number;
  scoreMax?: number;
  progressMeasure?: number;
  /** The SCO's session time so far. */
  sessionSeconds: number;
  /** Time in the course over every launch. */
  totalSeconds: number;
  /** True for Terminate/LMSFinish, false for Commit. */
  terminated: boolean;
}

/**
 * Session time of a launch = the sum of the SCO sessions in it (RTE 4.2.23: the SCO reports its session time;
 * the LMS only adds them up). A SCO's session counts at its latest value while it runs, and is banked at
 * Terminate, so the same session is never counted twice.
 */
export class LaunchResults {
  #banked = 0;
  #running = new Map<string, number>();
  #last: ProgressLike | undefined;

  get last(): ProgressLike | undefined {
    return this.#last;
  }

  get sessionSeconds(): number {
    let s = this.#banked;
    for (const v of this.#running.values()) s += v;
    return s;
  }

  /** Records a progress report and returns the results to relay. */
  update(p: ProgressLike): RelayResults {
    this.#last = p;
    const seconds = Number.isFinite(p.sessionSeconds) && p.sessionSeconds > 0 ? p.sessionSeconds : 0;
    if (p.terminated) {
      this.#running.delete(p.itemId);
      this.#banked += seconds;
    } else {
      this.#running.set(p.itemId, seconds);
    }
    return this.results();
  }

  /** The latest results (nothing reported yet: not attempted). */
  results(location?: string): RelayResults {
    const p = this.#last;
    const r: RelayResults = {
      completion: p?.completion ?? 'not attempted',
      success: p?.success ?? 'unknown',
      sessionSeconds: this.sessionSeconds,
    };
    if (p?.scoreScaled !== undefined) r.scoreScaled = p.scoreScaled;
    if (p?.scoreRaw !== undefined) r.scoreRaw = p.scoreRaw;
    if (p?.scoreMin !== undefined) r.scoreMin = p.scoreMin;
    if (p?.scoreMax !== undefined) r.scoreMax = p.scoreMax;
    if (p?.progressMeasure !== undefined) r.progressMeasure = p.progressMeasure;
    const where = location ?? p?.itemId;
    if (where !== undefined) r.location = where;
    return r;
  }
}
