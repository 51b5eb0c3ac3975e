// `scorm-player validate <zip-or-folder>`: reads a package (a folder holding imsmanifest.xml, a .zip, or
// an imsmanifest.xml itself), parses the manifest and prints the activity tree, the resources, and every
// warning and error. Exit code 1 when the manifest has a fatal error.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { ManifestError, parseManifest } from '../package/index.js';
import type { Item, Manifest, ManifestIssue } from '../package/index.js';
import type { CliIo } from './commands.js';

interface LoadedPackage {
  manifestXml: Uint8Array;
  files: Set<string> | undefined;
  readFile: (path: string) => Uint8Array | undefined;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const target = args.find((a) => !a.startsWith('-'));
  if (args.includes('--help') || target === undefined) {
    io[target === undefined && !args.includes('--help') ? 'err' : 'out'](
      'Usage: scorm-player validate <zip-or-folder>\n' +
        '  Parses imsmanifest.xml and prints the organizations, items with their launch URLs, the resources,\n' +
        '  and every warning and error. Exits with 1 when the manifest has a fatal error.\n',
    );
    return target === undefined && !args.includes('--help') ? 2 : 0;
  }
  let pkg: LoadedPackage;
  try {
    pkg = await load(target);
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(pkg.manifestXml, {
      readFile: pkg.readFile,
      ...(pkg.files ? { fileExists: (p: string) => pkg.files?.has(p) ?? false } : {}),
    });
  } catch (error) {
    if (error instanceof ManifestError) {
      io.out(`${target}: invalid\n`);
      io.err(`error [${error.code}] ${error.message}`);
      return 1;
    }
    throw error;
  }
  io.out(describeManifest(target, manifest, pkg.files === undefined));
  return 0;
}

async function load(target: string): Promise<LoadedPackage> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) throw new Error(`${target}: no such file or folder`);
  if (info.isDirectory()) {
    const manifestPath = join(target, 'imsmanifest.xml');
    const manifestXml = await readFile(manifestPath).catch(() => undefined);
    if (manifestXml === undefined) throw new Error(`${target}: no imsmanifest.xml in this folder`);
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
  return { manifestXml: bytes, files: undefined, readFile: () => undefined };
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
    // A symbolic link counts as what it points to (a folder kept with links, as the test fixtures are).
    const kind = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
    if (kind?.isDirectory()) await walk(root, path, out);
    else if (kind?.isFile()) out.add(relative(root, path).split(sep).join('/'));
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
  lines.push('valid');
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
