// The package library (dist/package.js): manifest parsing into the typed model, launch URLs, file checks.
export type * from './types.js';
export { parseManifest, type ParseManifestOptions } from './parse-manifest.js';
export { checkFiles } from './check-files.js';
export {
  ManifestError,
  ManifestErrorCode,
  ManifestWarningCode,
  type ManifestErrorDetails,
} from './manifest-error.js';
export { appendParameters, combineBases, isAbsoluteUrl, launchUrl, resolveReference } from './launch-url.js';
// Zip import and opening by URL (added by their modules):
export * from './zip.js';
export * from './zip-hash.js';
export * from './open-url.js';
