// What the whole-app tests need to know about a course package, read from the package itself: its version,
// its leaves in tree order, whether the organization allows flow, whether its content calls the SCORM API at
// all (content-packaging examples never do), and whether it keeps its data between sessions.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../src/package/index.js';
import type { Item } from '../../src/package/types.js';

export interface CoursePackage {
  name: string;
  version: '1.2' | '2004';
  leaves: { id: string; title: string; visible: boolean }[];
  flow: boolean;
  callsApi: boolean;
  /**
   * False when the content ends every session with cmi.exit="" on purpose (golf SimpleRemediation: "don't
   * save the runtime data in this example"; the fixture SCO launched with exit=none), so each launch is a new
   * attempt with no bookmark (RTE 4.2.12).
   */
  keepsData: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Reads the packages named (folders of `root`, each with imsmanifest.xml at its root). */
export function readPackages(root: string, names: string[]): CoursePackage[] {
  return names.map((name) => {
    const m = parseManifest(readFileSync(join(root, name, 'imsmanifest.xml')));
    const leaves: CoursePackage['leaves'] = [];
    const launches: string[] = [];
    const walk = (items: Item[], visible: boolean) => {
      for (const i of items) {
        if (i.launchUrl !== undefined) {
          leaves.push({ id: i.identifier, title: i.title, visible: visible && i.isVisible });
          launches.push(i.launchUrl);
        }
        walk(i.children, visible && i.isVisible);
      }
    };
    walk(m.defaultOrganization.items, true);
    const scripts = filesUnder(join(root, name)).filter((f) => /\.(html?|js)$/i.test(f));
    const texts = scripts.map((f) => readFileSync(f, 'utf8'));
    const callsApi = texts.some((t) => /\b(LMSInitialize|\.Initialize)\s*\(/.test(t));
    const keepsData =
      !texts.some((t) => t.includes("don't save the runtime data")) &&
      !launches.some((url) => /[?&]exit=none\b/.test(url));
    return {
      name,
      version: m.version === '1.2' ? '1.2' : '2004',
      leaves,
      // SCORM 1.2 has no flow control of its own: the player lets Continue/Previous walk the tree.
      flow: m.version === '1.2' || m.defaultOrganization.sequencing?.controlMode.flow === true,
      callsApi,
      keepsData,
    };
  });
}
