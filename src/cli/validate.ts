// `scorm-player validate <zip-or-folder> [--json]`: reads a package (a folder holding imsmanifest.xml, a .zip,
// or an imsmanifest.xml itself), parses the manifest and prints the activity tree, the resources, and every
// warning and error; with --json, one JSON object (version, tree, warnings, errors) instead. Exit code 1 when
// the package cannot be played: a fatal manifest error, a launch file that is not in the package, or input
// that is neither a zip, a folder nor a manifest.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { ManifestError, ManifestWarningCode, parseManifest } from '../package/index.js';
import type { Item, Manifest, ManifestIssue } from '../package/index.js';
import type { CliIo } from './commands.js';

interface LoadedPackage {
  manifestXml: Uint8Array;
  files: Set<string> | undefined;
  readFile: (path: string) => Uint8Array | undefined;
}

/** Input that cannot be read as a package; `code` is the JSON report's error code. */
class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One item of the --json tree. */
export interface TreeNode {
  identifier: string;
  title: string;
  visible: boolean;
  launchUrl?: string;
  scormType?: 'sco' | 'asset';
  children: TreeNode[];
}

/** The --json report. */
export interface ValidationReport {
  target: string;
  valid: boolean;
  /** The SCORM version ('1.2', '2004-3rd', ...), null when the manifest could not be read. */
  version: string | null;
  title: string | null;
  /** The organizations, each with its items. */
  tree: { identifier: string; title: string; default: boolean; items: TreeNode[] }[];
  warnings: ManifestIssue[];
  errors: ManifestIssue[];
}

const USAGE =
  'Usage: scorm-player validate <zip-or-folder> [--json]\n' +
  '  Parses imsmanifest.xml and prints the organizations, items with their launch URLs, the resources,\n' +
  '  and every warning and error. --json prints one JSON object: version, tree, warnings, errors.\n' +
  '  Exits with 1 when the manifest has a fatal error or a launch file is missing from the package.\n';

/** Launch files the package lacks make it unplayable: they count as errors, not warnings. */
const FATAL_WARNINGS: string[] = [ManifestWarningCode.LaunchFileMissing];

export async function run(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const target = args.find((a) => !a.startsWith('-'));
  const unknown = args.find((a) => a.startsWith('-') && a !== '--json' && a !== '--help');
  if (args.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  if (target === undefined || unknown !== undefined) {
    if (unknown !== undefined) io.err(`scorm-player validate: unknown option ${unknown}\n`);
    io.err(USAGE);
    return 2;
  }
  const report: ValidationReport = {
    target,
    valid: false,
    version: null,
    title: null,
    tree: [],
    warnings: [],
    errors: [],
  };
  const finish = (text: string): number => {
    io.out(json ? JSON.stringify(report, null, 2) : text);
    return report.valid ? 0 : 1;
  };
  let pkg: LoadedPackage;
  try {
    pkg = await load(target);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code =
      error instanceof InputError ? error.code : ((error as { code?: unknown }).code ?? 'unreadable');
    report.errors.push({ code: String(code), message });
    if (!json) io.err(`error: ${message}`);
    return json ? finish('') : 1;
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(pkg.manifestXml, {
      readFile: pkg.readFile,
      ...(pkg.files ? { fileExists: (p: string) => pkg.files?.has(p) ?? false } : {}),
    });
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    report.errors.push({
      code: error.code,
      message: error.message,
      ...(error.element === undefined ? {} : { element: error.element }),
      ...(error.line === undefined ? {} : { line: error.line }),
    });
    if (json) return finish('');
    io.out(`${target}: invalid\n`);
    io.err(`error [${error.code}] ${error.message}`);
    return 1;
  }
  report.version = manifest.version;
  report.title = manifest.title;
  report.tree = manifest.organizations.map((org) => ({
    identifier: org.identifier,
    title: org.title,
    default: org === manifest.defaultOrganization,
    items: org.items.map(treeNode),
  }));
  report.warnings = manifest.warnings.filter((w) => !FATAL_WARNINGS.includes(w.code));
  report.errors = manifest.warnings.filter((w) => FATAL_WARNINGS.includes(w.code));
  report.valid = report.errors.length === 0;
  return finish(describeManifest(target, manifest, pkg.files === undefined));
}

function treeNode(item: Item): TreeNode {
  return {
    identifier: item.identifier,
    title: item.title,
    visible: item.isVisible,
    ...(item.launchUrl === undefined ? {} : { launchUrl: item.launchUrl }),
    ...(item.launchUrl === undefined ? {} : { scormType: item.resource?.scormType ?? 'asset' }),
    children: item.children.map(treeNode),
  };
}

const isXml = (bytes: Uint8Array): boolean => {
  // A byte-order mark, then whitespace, then '<'.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x3c;
};

async function load(target: string): Promise<LoadedPackage> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) throw new InputError('not-found', `${target}: no such file or folder`);
  if (info.isDirectory()) {
    const manifestPath = join(target, 'imsmanifest.xml');
    const manifestXml = await readFile(manifestPath).catch(() => undefined);
    if (manifestXml === undefined)
      throw new InputError('no-manifest', `${target}: no imsmanifest.xml in this folder`);
    const files = new Set<string>();
    await walk(target, target, files);
    return {
      manifestXml,
      files,
      readFile: (p) => (files.has(p) ? readFileSync(join(target, ...p.split('/'))) : undefined),
    };
  }
  const bytes = await readFile(target);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return loadZip(bytes);
  // A lone imsmanifest.xml: no package files to check against.
  if (isXml(bytes) && !/\.zip$/i.test(target))
    return { manifestXml: bytes, files: undefined, readFile: () => undefined };
  throw new InputError('not-a-zip', `${target}: not a zip (nor a folder or an imsmanifest.xml)`);
}

async function loadZip(bytes: Uint8Array): Promise<LoadedPackage> {
  // The zip reader of the package library (limits, unsafe paths, the manifest in a single top folder).
  const { unzipPackage } = await import('../package/zip.js');
  const unzipped = await unzipPackage(bytes);
  return {
    manifestXml: unzipped.manifestXml,
    files: new Set(unzipped.files.keys()),
    readFile: (p) => unzipped.files.get(p),
  };
}

async function walk(root: string, dir: string, out: Set<string>): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.add(relative(root, path).split(sep).join('/'));
  }
}

/** The printed report: header, organizations with their item trees, resources, warnings. */
export function describeManifest(target: string, m: Manifest, manifestOnly: boolean): string {
  const lines: string[] = [];
  lines.push(`${basename(target)}: ${m.title}`);
  lines.push(
    `  manifest ${m.identifier}, SCORM ${m.version}${m.schemaVersion ? ` (schemaversion "${m.schemaVersion}")` : ''}`,
  );
  for (const org of m.organizations) {
    const isDefault = org === m.defaultOrganization ? ' (default)' : '';
    lines.push(`organization ${org.identifier}${isDefault}: ${org.title}`);
    const walkItems = (items: Item[], depth: number): void => {
      for (const item of items) {
        const pad = '  '.repeat(depth);
        const hidden = item.isVisible ? '' : ' (hidden)';
        const launch =
          item.launchUrl !== undefined
            ? ` -> ${item.launchUrl} [${item.resource?.scormType ?? 'asset'}]`
            : '';
        lines.push(`${pad}- ${item.identifier}: ${item.title}${hidden}${launch}`);
        walkItems(item.children, depth + 1);
      }
    };
    walkItems(org.items, 1);
  }
  const scos = m.resources.filter((r) => r.scormType === 'sco').length;
  lines.push(`resources: ${m.resources.length} (${scos} SCO, ${m.resources.length - scos} asset)`);
  if (m.subManifests.length)
    lines.push(`sub-manifests: ${m.subManifests.map((s) => s.identifier).join(', ')}`);
  if (manifestOnly) lines.push('(a lone manifest: the files it lists were not checked)');
  lines.push(...warningLines(m.warnings));
  const missing = m.warnings.filter((w) => FATAL_WARNINGS.includes(w.code)).length;
  lines.push(missing ? `invalid: ${missing} launch file${missing === 1 ? '' : 's'} missing` : 'valid');
  return `${lines.join('\n')}\n`;
}

function warningLines(warnings: ManifestIssue[]): string[] {
  if (warnings.length === 0) return ['no warnings'];
  return [
    `${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`,
    ...warnings.map(
      (w) => `  warning [${w.code}] ${w.message}${w.line !== undefined ? ` (line ${w.line})` : ''}`,
    ),
  ];
}
