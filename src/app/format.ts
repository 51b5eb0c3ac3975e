// Display helpers shared by the views: sizes, dates, durations, statuses and SCORM versions in words.
import type { ScormVersion } from '../package/types.js';

const sizeUnits = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 1536 → '1.5 KB' (powers of 1024, one decimal above bytes). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${sizeUnits[unit]}`;
}

/** An ISO 8601 date as a short local date and time. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Seconds as '1 h 02 min', '3 min 05 s' or '12 s'. */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, '0')} s`;
  return `${sec} s`;
}

/** A scaled score (-1..1) as a percentage, '' when absent. */
export function formatScaled(scaled: number | undefined): string {
  return scaled === undefined ? '' : `${Math.round(scaled * 100)}%`;
}

export const versionLabels: Record<ScormVersion, string> = {
  '1.2': 'SCORM 1.2',
  '2004-2nd': 'SCORM 2004 2nd Ed.',
  '2004-3rd': 'SCORM 2004 3rd Ed.',
  '2004-4th': 'SCORM 2004 4th Ed.',
};

export interface StatusSummary {
  completion: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
  success: 'passed' | 'failed' | 'unknown';
}

/** One word for a status, preferring success over completion: Passed, Failed, Completed, In progress, Not started. */
export function statusLabel(status: StatusSummary | undefined): string {
  if (!status) return 'Not started';
  if (status.success === 'passed') return 'Passed';
  if (status.success === 'failed') return 'Failed';
  if (status.completion === 'completed') return 'Completed';
  if (status.completion === 'incomplete') return 'In progress';
  if (status.completion === 'unknown') return 'In progress';
  return 'Not started';
}
