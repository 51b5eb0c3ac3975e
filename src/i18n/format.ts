// Dates, times, durations, numbers and sizes in the learner's language, through Intl (the formatters follow
// the locale on screen; see active-locale.ts). Formatters are cached per locale: building one is the slow part.
import { activeLocale } from './active-locale.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | DurationFormatLike>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | DurationFormatLike>(
  key: string,
  make: (locale: string) => T,
): T {
  const locale = activeLocale();
  const full = `${locale}|${key}`;
  let formatter = cache.get(full) as T | undefined;
  if (!formatter) {
    formatter = make(locale);
    cache.set(full, formatter);
  }
  return formatter;
}

function validDate(value: string | number | Date | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A moment as a medium date and short time ('6 Dec 2026, 19:30' / '06.12.2026, 19:30'); '' when absent. */
export function formatDateTime(value: string | number | Date | undefined): string {
  const date = validDate(value);
  if (!date) return typeof value === 'string' ? value : '';
  return cached(
    'datetime',
    (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

/** A day as a medium date. */
export function formatDay(value: string | number | Date | undefined): string {
  const date = validDate(value);
  if (!date) return typeof value === 'string' ? value : '';
  return cached('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' })).format(date);
}

/** A time of day, short. */
export function formatTime(value: string | number | Date | undefined): string {
  const date = validDate(value);
  if (!date) return typeof value === 'string' ? value : '';
  return cached('time', (l) => new Intl.DateTimeFormat(l, { timeStyle: 'short' })).format(date);
}

/** A plain number ('1,234.5' / '1.234,5'). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(`number${JSON.stringify(options)}`, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/** A fraction 0..1 (or a scaled score -1..1) as a whole percentage ('85 %' in German). */
export function formatPercent(fraction: number): string {
  return formatNumber(fraction, { style: 'percent', maximumFractionDigits: 0 });
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in powers of 1024 with Intl's unit names: 1536 → '1.5 kB'. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return formatNumber(value, {
    style: 'unit',
    unit: byteUnits[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });
}

/** Intl.DurationFormat (ES2025; TypeScript's ES2023 lib does not describe it yet). */
interface DurationFormatLike {
  format(duration: { hours?: number; minutes?: number; seconds?: number }): string;
}
type DurationFormatConstructor = new (
  locale: string,
  options: { style: 'short' | 'narrow' },
) => DurationFormatLike;

/** A span in seconds as hours, minutes and seconds ('1 hr, 2 min' / '1 Std., 2 Min.'); zero parts left out. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const parts = { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
  const units = [
    ['hours', 'hour', parts.hours],
    ['minutes', 'minute', parts.minutes],
    ['seconds', 'second', parts.seconds],
  ] as const;
  // The largest unit that is not zero and the one after it: '1 hr, 2 min' rather than '1 hr, 2 min, 5 sec'.
  const nonZero = units.findIndex(([, , n]) => n > 0);
  const first = nonZero === -1 ? units.length - 1 : nonZero; // nothing at all: '0 sec'
  const shown = units.slice(first, first + 2).filter(([, , n], i) => i === 0 || n > 0);
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  // DurationFormat prints nothing for a zero duration; NumberFormat says '0 sec'.
  if (DurationFormat && s > 0) {
    const duration = Object.fromEntries(shown.map(([key, , n]) => [key, n]));
    return cached('duration', (l) => new DurationFormat(l, { style: 'short' })).format(duration);
  }
  // Older engines: each part through NumberFormat's units, joined with Intl's list format.
  const list = shown.map(([, unit, n]) => formatNumber(n, { style: 'unit', unit, unitDisplay: 'short' }));
  return new Intl.ListFormat(activeLocale(), { style: 'narrow', type: 'unit' }).format(list);
}
