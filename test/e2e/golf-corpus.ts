// What the whole-app tests need to know about each golf package of the shared corpus, read from the
// package itself: its version, its leaves in tree order, whether the organization allows flow, and whether
// its content calls the SCORM API at all (the ContentPackaging examples never do).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../src/package/index.js';
import type { Item } from '../../src/package/types.js';
import { corpusRoot } from './harness.js';

export interface GolfPackage {
  name: string;
  version: '1.2' | '2004';
  leaves: { id: string; title: string; visible: boolean }[];
  flow: boolean;
  callsApi: boolean;
  /**
   * False when the content ends every session with cmi.exit="" on purpose (golf SimpleRemediation: "don't
   * save the runtime data in this example"), so each launch is a new attempt with no bookmark (RTE 4.2.12).
   */
  keepsData: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function golfPackages(): GolfPackage[] {
  const root = join(corpusRoot, 'packages');
  return readdirSync(root)
    .filter((name) => name.startsWith('golf-'))
    .sort()
    .map((name) => {
      const m = parseManifest(readFileSync(join(root, name, 'imsmanifest.xml')));
      const leaves: GolfPackage['leaves'] = [];
      const walk = (items: Item[], visible: boolean) => {
        for (const i of items) {
          if (i.launchUrl !== undefined)
            leaves.push({ id: i.identifier, title: i.title, visible: visible && i.isVisible });
          walk(i.children, visible && i.isVisible);
        }
      };
      walk(m.defaultOrganization.items, true);
      const scripts = filesUnder(join(root, name)).filter((f) => /\.(html?|js)$/i.test(f));
      const texts = scripts.map((f) => readFileSync(f, 'utf8'));
      const callsApi = texts.some((t) => /\b(LMSInitialize|\.Initialize)\s*\(/.test(t));
      const keepsData = !texts.some((t) => t.includes("don't save the runtime data"));
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
