// Display helpers shared by the views: sizes, dates, durations, statuses and SCORM versions in the learner's
// language (Intl through src/i18n/format.ts; words through the catalogs). Call them at render time.
import { formatBytes, formatDateTime, formatDuration, formatPercent } from '../i18n/format.js';
import { msg } from '../i18n/msg.js';
import type { ScormVersion } from '../package/types.js';

export { formatBytes };

/** An ISO 8601 date as a medium local date and short time ('' when absent). */
export function formatDate(iso: string | undefined): string {
  return formatDateTime(iso);
}

/** Seconds as the two largest non-zero units: '1 hr, 2 min', '3 min, 5 sec', '12 sec'. */
export function formatSeconds(total: number): string {
  return formatDuration(total);
}

/** A scaled score (-1..1) as a percentage, '' when absent. */
export function formatScaled(scaled: number | undefined): string {
  return scaled === undefined ? '' : formatPercent(scaled);
}

/** SCORM versions by name; the edition in the learner's language. */
export function versionLabel(version: ScormVersion): string {
  switch (version) {
    case '1.2':
      return 'SCORM 1.2';
    case '2004-2nd':
      return msg('SCORM 2004 2nd Ed.', { id: 'version.2004-2nd' });
    case '2004-3rd':
      return msg('SCORM 2004 3rd Ed.', { id: 'version.2004-3rd' });
    case '2004-4th':
      return msg('SCORM 2004 4th Ed.', { id: 'version.2004-4th' });
  }
}

export interface StatusSummary {
  completion: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
  success: 'passed' | 'failed' | 'unknown';
}

/** One word for a status, preferring success over completion: Passed, Failed, Completed, In progress, Not started. */
export function statusLabel(status: StatusSummary | undefined): string {
  if (!status) return msg('Not started', { id: 'status.not-started' });
  if (status.success === 'passed') return msg('Passed', { id: 'status.passed' });
  if (status.success === 'failed') return msg('Failed', { id: 'status.failed' });
  if (status.completion === 'completed') return msg('Completed', { id: 'status.completed' });
  if (status.completion === 'incomplete' || status.completion === 'unknown')
    return msg('In progress', { id: 'status.in-progress' });
  return msg('Not started', { id: 'status.not-started' });
}
