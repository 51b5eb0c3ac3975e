// Exports of the results view: JSON (the whole structure) and CSV (RFC 4180; one row per item and one per
// interaction), downloaded as Blobs. The CSV is meant to be opened in a spreadsheet, so it starts with a
// UTF-8 byte order mark (without it Excel reads the file as the system code page and mangles accented
// names) and text that a spreadsheet would run as a formula is neutralised (OWASP "CSV Injection").
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
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

/** U+FEFF, written by the Blob as the bytes EF BB BF. */
export const UTF8_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP CSV Injection): `=`, `+`, `-`, `@`,
 * and tab or carriage return, which some programs strip before looking at the next character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Numbers are written as they are (a negative score stays a number). Text that could start
 * a formula gets the OWASP treatment: a leading single quote, which spreadsheets show as "this is text",
 * inside a quoted field. Otherwise RFC 4180: quote fields holding a comma, quote or line break; double
 * the quotes.
 */
function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
