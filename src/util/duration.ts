// Durations in the two SCORM formats, as seconds. Both formats carry hundredths of a second, so every
// figure is rounded to hundredths: a value read, formatted and read again gives the same number.

const TIMESPAN = /^(\d{2,4}):([0-5]\d):([0-5]\d(?:\.\d{1,2})?)$/;
// RTE 4.1.1.x timeinterval(second,10,2): no weeks; at most 2 decimals on seconds only.
const INTERVAL = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;
// ADL's own figures for a year and a month (SampleRTE): 365 days, and 2,628,029 seconds.
const UNITS = [31536000, 2628029, 86400, 3600, 60, 1];

const hundredths = (s: number): number => Math.round(s * 100);

/** Is v a SCORM 1.2 CMITimespan (HHHH:MM:SS.SS, hours of 2 to 4 digits)? */
export const isTimespan = (v: string): boolean => TIMESPAN.test(v);

/** Is v a SCORM 2004 timeinterval (P[nY][nM][nD][T[nH][nM][n[.n]S]])? 'P' and a trailing 'T' are not. */
export const isInterval = (v: string): boolean => v.length > 1 && !v.endsWith('T') && INTERVAL.test(v);

/** CMITimespan → seconds; NaN when v is not one. */
export function parseTimespan(v: string): number {
  const m = TIMESPAN.exec(v);
  return m ? hundredths(+m[1]! * 3600 + +m[2]! * 60 + +m[3]!) / 100 : NaN;
}

/** timeinterval → seconds; NaN when v is not one. */
export function parseInterval(v: string): number {
  const m = isInterval(v) && INTERVAL.exec(v);
  if (!m) return NaN;
  let s = 0;
  for (let i = 0; i < 6; i++) s += +(m[i + 1] ?? 0) * UNITS[i]!;
  return hundredths(s) / 100;
}

/** Splits seconds into whole hours, minutes, and seconds with at most two decimals ('5', '7.25'). */
function split(seconds: number): [number, number, string] {
  const cs = Math.max(0, hundredths(seconds) || 0);
  return [Math.floor(cs / 360000), Math.floor(cs / 6000) % 60, String((cs % 6000) / 100)];
}

/** Seconds → CMITimespan ('0000:00:00', '0001:02:03.5'); capped at 9999:59:59.99. */
export function formatTimespan(seconds: number): string {
  const [h, m, s] = split(Math.min(seconds, 35999999.99));
  const pad = (n: number | string): string => (+n < 10 ? '0' : '') + n;
  return `${String(h).padStart(4, '0')}:${pad(m)}:${pad(s)}`;
}

/** Seconds → timeinterval in hours, minutes and seconds ('PT0H0M0S', 'PT1H2M3.5S'). */
export function formatInterval(seconds: number): string {
  const [h, m, s] = split(seconds);
  return `PT${h}H${m}M${s}S`;
}
