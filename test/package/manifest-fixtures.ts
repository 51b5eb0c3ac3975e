// Synthetic manifests for the package tests, as text.
export const NS_12 =
  'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"';
export const NS_2004 = [
  'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
  'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
  'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
  'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
  'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
].join(' ');

export interface ManifestParts {
  namespaces?: string;
  schemaversion?: string | null;
  rootAttrs?: string;
  orgAttrs?: string;
  /** Items (and anything else) inside the organization, after its title. */
  items?: string;
  resources?: string;
  resourcesAttrs?: string;
  /** Anything after </resources> (sequencingCollection, sub-manifests). */
  tail?: string;
  metadataExtra?: string;
}

export function manifest2004(parts: ManifestParts = {}): string {
  const schema = parts.schemaversion === undefined ? '2004 4th Edition' : parts.schemaversion;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.manifest" version="1" ${parts.namespaces ?? NS_2004} ${parts.rootAttrs ?? ''}>
  <metadata>
    <schema>ADL SCORM</schema>
    ${schema === null ? '' : `<schemaversion>${schema}</schemaversion>`}
    ${parts.metadataExtra ?? ''}
  </metadata>
  <organizations default="org">
    <organization identifier="org" ${parts.orgAttrs ?? ''}>
      <title>Course</title>
      ${parts.items ?? '<item identifier="i1" identifierref="r1"><title>One</title></item>'}
    </organization>
  </organizations>
  <resources ${parts.resourcesAttrs ?? ''}>
    ${parts.resources ?? '<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="index.html"><file href="index.html"/></resource>'}
  </resources>
  ${parts.tail ?? ''}
</manifest>`;
}

export function manifest12(parts: ManifestParts = {}): string {
  return manifest2004({
    namespaces: NS_12,
    schemaversion: '1.2',
    resources:
      '<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource>',
    ...parts,
  });
}
