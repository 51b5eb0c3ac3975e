// Exports of the results view: JSON (the whole structure) and CSV (RFC 4180; one row per item and one per
// interaction), downloaded as Blobs.
import type { CourseResult } from './results-data.js';

const columns = [
  'kind',
  'course',
  'courseKey',
  'learnerId',
  'learnerName',
  'itemId',
  'itemTitle',
  'completion',
  'success',
  'scoreScaled',
  'scoreRaw',
  'scoreMin',
  'scoreMax',
  'seconds',
  'interactionId',
  'interactionType',
  'learnerResponse',
  'correctResponses',
  'result',
  'timestamp',
  'updatedAt',
] as const;

type Row = Partial<Record<(typeof columns)[number], string | number | undefined>>;

export function resultsToJson(results: CourseResult[], exportedAt = new Date()): string {
  return JSON.stringify({ exportedAt: exportedAt.toISOString(), results }, null, 2);
}

export function resultsToCsv(results: CourseResult[]): string {
  const rows: Row[] = [];
  for (const { course: c, items } of results) {
    const who = {
      course: c.title,
      courseKey: c.courseKey,
      learnerId: c.learnerId,
      learnerName: c.learnerName,
    };
    rows.push({
      kind: 'course',
      ...who,
      completion: c.completionStatus,
      success: c.successStatus,
      scoreScaled: c.scoreScaled,
      seconds: c.totalSeconds,
      updatedAt: c.updatedAt,
    });
    for (const item of items) {
      const where = { ...who, itemId: item.itemId, itemTitle: item.title };
      rows.push({
        kind: 'item',
        ...where,
        completion: item.completion,
        success: item.success,
        scoreScaled: item.scoreScaled,
        scoreRaw: item.scoreRaw,
        scoreMin: item.scoreMin,
        scoreMax: item.scoreMax,
        seconds: item.totalSeconds,
        updatedAt: item.updatedAt,
      });
      for (const i of item.interactions) {
        rows.push({
          kind: 'interaction',
          ...where,
          interactionId: i.id,
          interactionType: i.type,
          learnerResponse: i.learnerResponse,
          correctResponses: i.correctResponses.join(' | '),
          result: i.result,
          timestamp: i.timestamp,
        });
      }
    }
  }
  const lines = [columns.join(','), ...rows.map((row) => columns.map((k) => csvField(row[k])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Saves text as a file through a temporary object URL (no server involved). */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
