// Value checks shared by both data models: each returns undefined for a value that may be stored, or the
// Refusal that says why not.
import { OUT_OF_RANGE, type Refusal, refuse, TOO_LONG, TYPE_MISMATCH } from './data-model.js';

/** A check that needs nothing but the value. */
export type PlainCheck = (value: string) => Refusal | undefined;

/** One of a fixed list of tokens ('a|b|' allows ""). */
export const oneOf = (list: string): PlainCheck => {
  const tokens = list.split('|');
  return (value) => (tokens.includes(value) ? undefined : refuse(TYPE_MISMATCH, `not one of ${list}`));
};

/** At most n characters. */
export const atMost =
  (n: number): PlainCheck =>
  (value) =>
    value.length > n ? refuse(TOO_LONG, `longer than ${n} characters`) : undefined;

/** Matches the expression. */
export const matching =
  (expression: RegExp, what: string): PlainCheck =>
  (value) =>
    expression.test(value) ? undefined : refuse(TYPE_MISMATCH, `not ${what}`);

/** A number written as the expression allows, within low..high. */
export const numberIn =
  (expression: RegExp, low = -Infinity, high = Infinity): PlainCheck =>
  (value) =>
    !expression.test(value)
      ? refuse(TYPE_MISMATCH, 'not a number')
      : +value < low
        ? refuse(OUT_OF_RANGE, `below ${low}`)
        : +value > high
          ? refuse(OUT_OF_RANGE, `above ${high}`)
          : undefined;

/** Valid when one of the checks passes; otherwise the last one's refusal. */
export const eitherOf =
  (...checks: PlainCheck[]): PlainCheck =>
  (value) => {
    let refusal: Refusal | undefined;
    for (const check of checks) if (!(refusal = check(value))) break;
    return refusal;
  };
