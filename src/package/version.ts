// Telling SCORM versions apart (scorm-reference D, "Telling the versions apart"): metadata/schemaversion
// first, then the namespaces the manifest binds, then the spelling of the scormtype attribute.
import type { ScormVersion } from './types.js';

/** metadata/schemaversion values (CAM 4.x, "schemaversion") and what they mean. */
export function versionFromSchemaVersion(value: string): ScormVersion | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (v === '1.2' || v === 'cam 1.2' || v === 'scorm 1.2') return '1.2';
  if (v === 'cam 1.3' || v === '2004 2nd edition' || v === 'scorm 2004 2nd edition') return '2004-2nd';
  if (v === '2004 3rd edition' || v === 'scorm 2004 3rd edition') return '2004-3rd';
  if (v === '2004 4th edition' || v === 'scorm 2004 4th edition') return '2004-4th';
  return undefined;
}

export interface VersionClues {
  schemaVersion: string | undefined;
  /** SCORM families of the namespaces bound on the manifest root (content packaging first). */
  namespaceFamily: '1.2' | '2004' | undefined;
  /** How the resources spelled the attribute: 'scormtype' (1.2) or 'scormType' (2004). */
  scormTypeSpelling: string | undefined;
  /** 4th-edition-only elements were seen (adlcp:data, adlseq:objectives). */
  fourthEditionFeatures: boolean;
}

export interface DetectedVersion {
  version: ScormVersion;
  /** How it was decided. */
  from: 'schemaversion' | 'namespaces' | 'attribute-spelling' | 'default';
}

export function detectVersion(clues: VersionClues): DetectedVersion {
  const byMetadata =
    clues.schemaVersion === undefined ? undefined : versionFromSchemaVersion(clues.schemaVersion);
  if (byMetadata) return { version: byMetadata, from: 'schemaversion' };
  // Without schemaversion the 2004 editions share their namespaces; the 2nd edition is assumed unless
  // 4th-edition-only elements say otherwise.
  const edition2004: ScormVersion = clues.fourthEditionFeatures ? '2004-4th' : '2004-2nd';
  if (clues.namespaceFamily === '1.2') return { version: '1.2', from: 'namespaces' };
  if (clues.namespaceFamily === '2004') return { version: edition2004, from: 'namespaces' };
  if (clues.scormTypeSpelling === 'scormtype') return { version: '1.2', from: 'attribute-spelling' };
  if (clues.scormTypeSpelling === 'scormType') return { version: edition2004, from: 'attribute-spelling' };
  return { version: '1.2', from: 'default' };
}
