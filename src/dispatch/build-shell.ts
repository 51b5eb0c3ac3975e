// Builds a dispatch shell: its manifest, index.html and shell.js made from shell-templates/ for one SCORM
// version, filled in, then zipped with fflate. DOM-free: the browser maker passes templates bundled by Vite,
// the CLI passes templates read from shell-templates/.
import { zipSync, strToU8 } from 'fflate';
import { DispatchError, DispatchErrorCode } from './dispatch-error.js';
import { fillTemplate } from './fill-template.js';
import {
  checkShellOptions,
  type CheckedShellOptions,
  type ShellOptions,
  type ShellScormVersion,
} from './shell-options.js';

/**
 * The shell's templates (shell-templates/): a manifest per SCORM version, one index.html for both, and each
 * version's shell.js, which scripts/build-shells.ts makes from the one source shell.src.js (its lines for the
 * version, minified; `npm run shells`).
 */
export interface ShellTemplates {
  manifests: Record<ShellScormVersion, string>;
  index: string;
  scripts: Record<ShellScormVersion, string>;
}

/** Where each template lies in shell-templates/ (read by the CLI from disk, by the app through Vite). */
export const SHELL_TEMPLATE_FILES = {
  manifest12: 'scorm12/imsmanifest.xml',
  manifest2004: 'scorm2004/imsmanifest.xml',
  index: 'index.html',
  script12: 'scorm12/shell.js',
  script2004: 'scorm2004/shell.js',
} as const;

/** Reads the templates with `read(path relative to shell-templates/)`. */
export async function loadShellTemplates(
  read: (path: string) => string | Promise<string>,
): Promise<ShellTemplates> {
  const f = SHELL_TEMPLATE_FILES;
  const [m12, m2004, index, s12, s2004] = await Promise.all(
    [f.manifest12, f.manifest2004, f.index, f.script12, f.script2004].map((p) => read(p)),
  );
  return {
    manifests: { '1.2': m12!, '2004': m2004! },
    index: index!,
    scripts: { '1.2': s12!, '2004': s2004! },
  };
}

export interface ShellFiles {
  'imsmanifest.xml': string;
  'index.html': string;
  'shell.js': string;
}

// The one source of both shells' script, shell-templates/shell.src.js, has blocks for each version.
const DIRECTIVE = /^\s*\/\/#(if 1\.2|else|endif)\s*$/;

/**
 * Keeps one version's lines of the shared script: those outside `//#if 1.2 … //#else … //#endif` blocks,
 * and inside them the 1.2 or the 2004 branch. Blocks do not nest.
 */
export function selectVersion(source: string, scorm: ShellScormVersion): string {
  let branch: 'none' | '1.2' | '2004' = 'none';
  const out: string[] = [];
  source.split('\n').forEach((line, i) => {
    const d = DIRECTIVE.exec(line)?.[1];
    const bad = (why: string): never => {
      throw new DispatchError(DispatchErrorCode.BadTemplate, `shell.src.js line ${i + 1}: ${why}`);
    };
    if (d === 'if 1.2') branch = branch === 'none' ? '1.2' : bad('//#if inside a block');
    else if (d === 'else') branch = branch === '1.2' ? '2004' : bad('//#else outside a block');
    else if (d === 'endif') branch = branch !== 'none' ? 'none' : bad('//#endif outside a block');
    else if (branch === 'none' || branch === scorm) out.push(line);
  });
  if (branch !== 'none')
    throw new DispatchError(DispatchErrorCode.BadTemplate, 'shell.js: a block is not closed');
  return out.join('\n');
}

/**
 * Drops whole-line `//` comments, blank lines and leading indentation. The sources stay readable, and the
 * shipped files keep within their budget (index.html + shell.js ≤ 3 KB gzipped). Only whole lines go, so
 * string literals are never touched (the shell uses no template literals).
 */
export function compactSource(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}

export function buildShellFiles(options: ShellOptions, templates: ShellTemplates): ShellFiles {
  const o: CheckedShellOptions = checkShellOptions(options);
  const values = { token: o.token, title: o.title, playerUrl: o.playerUrl, mode: o.mode, route: o.route };
  return {
    'imsmanifest.xml': fillTemplate(templates.manifests[o.scorm], values),
    // Compacted before filling, so that no value (a title holding a line break and '//') is ever trimmed.
    'index.html': fillTemplate(compactSource(templates.index), values),
    'shell.js': fillTemplate(compactSource(templates.scripts[o.scorm]), values),
  };
}

/** A fixed time stamp, so the same options always give the same bytes. */
const MTIME = new Date('2026-01-01T00:00:00Z');

/** The dispatch zip: imsmanifest.xml at the root (CAM 3.2: the package interchange file), index.html, shell.js. */
export function buildShellZip(options: ShellOptions, templates: ShellTemplates): Uint8Array {
  const files = buildShellFiles(options, templates);
  const entry = (text: string) =>
    [strToU8(text), { level: 9, mtime: MTIME }] as [Uint8Array, { level: 9; mtime: Date }];
  return zipSync(
    {
      'imsmanifest.xml': entry(files['imsmanifest.xml']),
      'index.html': entry(files['index.html']),
      'shell.js': entry(files['shell.js']),
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
