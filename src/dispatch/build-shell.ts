// Builds a dispatch shell: the two template files filled in, then zipped with fflate. DOM-free: the browser
// maker passes templates bundled by Vite, the CLI passes templates read from shell-templates/.
import { zipSync, strToU8 } from 'fflate';
import { fillTemplate } from './fill-template.js';
import {
  checkShellOptions,
  type CheckedShellOptions,
  type ShellOptions,
  type ShellScormVersion,
} from './shell-options.js';

export interface ShellTemplate {
  manifest: string;
  index: string;
}

export type ShellTemplates = Record<ShellScormVersion, ShellTemplate>;

export interface ShellFiles {
  'imsmanifest.xml': string;
  'index.html': string;
}

/**
 * Drops whole-line `//` comments, blank lines and leading indentation from the inline script and style. The
 * templates stay readable, and the shipped page keeps within its 3 KB (gzipped) budget. Only whole lines go,
 * so string literals are never touched (the shells use no template literals).
 */
export function compactHtml(html: string): string {
  return html
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}

export function buildShellFiles(options: ShellOptions, templates: ShellTemplates): ShellFiles {
  const o: CheckedShellOptions = checkShellOptions(options);
  const template = templates[o.scorm];
  const values = { token: o.token, title: o.title, playerUrl: o.playerUrl, mode: o.mode, route: o.route };
  return {
    'imsmanifest.xml': fillTemplate(template.manifest, values),
    // Compacted before filling, so that no value (a title holding a line break and '//') is ever trimmed.
    'index.html': fillTemplate(compactHtml(template.index), values),
  };
}

/** A fixed time stamp, so the same options always give the same bytes. */
const MTIME = new Date('2026-01-01T00:00:00Z');

/** The dispatch zip: imsmanifest.xml at the root (CAM 3.2: the package interchange file) and index.html. */
export function buildShellZip(options: ShellOptions, templates: ShellTemplates): Uint8Array {
  const files = buildShellFiles(options, templates);
  return zipSync(
    {
      'imsmanifest.xml': [strToU8(files['imsmanifest.xml']), { level: 9, mtime: MTIME }],
      'index.html': [strToU8(files['index.html']), { level: 9, mtime: MTIME }],
    },
    { level: 9 },
  );
}

/** A file name for the zip, e.g. "dispatch-demo-course-scorm2004.zip". */
export function shellZipName(options: Pick<ShellOptions, 'title' | 'scorm'>): string {
  const slug = options.title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `dispatch-${slug || 'course'}-scorm${options.scorm.replace('.', '')}.zip`;
}
