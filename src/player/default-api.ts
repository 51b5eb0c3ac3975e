// The SCORM APIs the player makes by default: src/runtime's Scorm12Api and Scorm2004Api.
import { Scorm12Api, Scorm2004Api } from '../runtime/index.js';
import type { ApiFactory } from './sco-session.js';

export const runtimeApiFactory: ApiFactory = (version, options) =>
  version === '1.2' ? new Scorm12Api(options) : new Scorm2004Api(options);
