// Checks the files a manifest names against the files a package holds: every file@href (CAM 3.4.1.20)
// and every launch file (the resource href of a launchable item). Absent files are warnings: a package
// that lists a file it does not ship may still play.
import type { Item, Manifest, ManifestIssue, Resource } from './types.js';
import { ManifestWarningCode } from './manifest-error.js';
import { isAbsoluteUrl } from './launch-url.js';

/** The path part of a package-relative reference: no query, no fragment, percent-decoding as a fallback. */
function candidates(ref: string): string[] {
  const cut = ref.search(/[?#]/);
  const path = cut < 0 ? ref : ref.slice(0, cut);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: the name is used as written.
  }
  return decoded === path ? [path] : [path, decoded];
}

export function collectFileIssues(manifest: Manifest, exists: (path: string) => boolean): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const has = (ref: string): boolean => candidates(ref).some(exists);
  const reported = new Set<string>();
  const launched = new Set<Resource>();
  const walkItems = (items: Item[]): void => {
    for (const item of items) {
      if (item.resource && item.launchUrl !== undefined) launched.add(item.resource);
      walkItems(item.children);
    }
  };
  const visit = (m: Manifest): void => {
    for (const org of m.organizations) walkItems(org.items);
    for (const r of m.resources) {
      for (const file of r.files) {
        if (isAbsoluteUrl(file) || reported.has(file) || has(file)) continue;
        reported.add(file);
        issues.push({
          code: ManifestWarningCode.FileMissing,
          message: `resource[identifier=${r.identifier}] lists the file "${file}", which is not in the package`,
          element: `resource[identifier=${r.identifier}]`,
        });
      }
    }
    m.subManifests.forEach(visit);
  };
  visit(manifest);
  for (const r of launched) {
    const href = r.resolvedHref;
    if (href === undefined || isAbsoluteUrl(href) || has(href)) continue;
    issues.push({
      code: ManifestWarningCode.LaunchFileMissing,
      message: `resource[identifier=${r.identifier}] launches "${href}", which is not in the package`,
      element: `resource[identifier=${r.identifier}]`,
    });
  }
  return issues;
}

/**
 * Checks a parsed manifest against the paths of the package's files (relative to the package root, as
 * unzipped). Returns the warnings; the manifest is not changed.
 */
export function checkFiles(manifest: Manifest, paths: Iterable<string>): ManifestIssue[] {
  const set = paths instanceof Set ? (paths as Set<string>) : new Set(paths);
  return collectFileIssues(manifest, (p) => set.has(p));
}
