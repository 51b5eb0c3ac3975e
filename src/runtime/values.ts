// Value checks shared by both data models: each returns 0 for a value that may be stored, or a Fail.
import { type Fail, RANGE, SPM, TYPE } from './core.js';

/** A check that needs nothing but the value. */
export type V = (v: string) => Fail | 0;

/** One of a fixed list of tokens ('a|b|' allows ""). */
export const voc = (list: string): V => {
  const set = list.split('|');
  return (v) => (set.includes(v) ? 0 : [TYPE, `not one of ${list}`]);
};

/** At most n characters. */
export const len =
  (n: number): V =>
  (v) =>
    v.length > n ? [SPM, `longer than ${n} characters`] : 0;

/** Matches re. */
export const rx =
  (re: RegExp, what: string): V =>
  (v) =>
    re.test(v) ? 0 : [TYPE, `not ${what}`];

/** A number written as re allows, within lo..hi. */
export const num =
  (re: RegExp, lo = -Infinity, hi = Infinity): V =>
  (v) =>
    !re.test(v)
      ? [TYPE, 'not a number']
      : +v < lo
        ? [RANGE, `below ${lo}`]
        : +v > hi
          ? [RANGE, `above ${hi}`]
          : 0;

/** Valid when one of the checks passes; otherwise the last one's failure. */
export const either =
  (...cs: V[]): V =>
  (v) => {
    let f: Fail | 0 = 0;
    for (const c of cs) if (!(f = c(v))) break;
    return f;
  };
