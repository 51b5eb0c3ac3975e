// What a dispatch shell is made from, checked once here so the browser maker and the CLI give the same errors.
import { DispatchError, DispatchErrorCode } from './dispatch-error.js';
import { isValidToken } from './token.js';

export type ShellScormVersion = '1.2' | '2004';
/** redirect: the shell sends the learner to the player (the seed's design); relay: it frames the player and
 * writes the results into the host LMS (reference F). */
export type DispatchMode = 'redirect' | 'relay';
/** path: {player}/player/dispatch/<token>?user_id=; query: {player}/?dispatch=<token>&user_id= (any static host). */
export type DispatchRoute = 'path' | 'query';

export interface ShellOptions {
  scorm: ShellScormVersion;
  token: string;
  /** The player app's URL (the folder of its index.html). */
  playerUrl: string;
  /** The title the host LMS shows (item and organization title). */
  title: string;
  mode?: DispatchMode;
  route?: DispatchRoute;
}

export type CheckedShellOptions = Required<ShellOptions>;

/** CAM: a title has a smallest permitted maximum of 200 characters (reference D). */
export const MAX_TITLE_LENGTH = 200;

/**
 * Checks the options and normalizes the player URL to an absolute http(s) URL ending in '/', with no query or
 * fragment (the shell appends the route to it).
 */
export function checkShellOptions(options: ShellOptions): CheckedShellOptions {
  const { scorm, token, title } = options;
  const mode = options.mode ?? 'redirect';
  const route = options.route ?? 'path';
  if (scorm !== '1.2' && scorm !== '2004')
    throw new DispatchError(
      DispatchErrorCode.BadVersion,
      `SCORM version must be 1.2 or 2004, not "${String(scorm)}"`,
    );
  if (mode !== 'redirect' && mode !== 'relay')
    throw new DispatchError(
      DispatchErrorCode.BadMode,
      `Mode must be redirect or relay, not "${String(mode)}"`,
    );
  if (route !== 'path' && route !== 'query')
    throw new DispatchError(
      DispatchErrorCode.BadRoute,
      `Route must be path or query, not "${String(route)}"`,
    );
  if (typeof token !== 'string' || !isValidToken(token))
    throw new DispatchError(
      DispatchErrorCode.BadToken,
      'The token must be 4 to 64 letters, digits, "-" or "_"',
    );
  if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE_LENGTH)
    throw new DispatchError(
      DispatchErrorCode.BadTitle,
      `The title must be 1 to ${MAX_TITLE_LENGTH} characters`,
    );
  return { scorm, token, title: title.trim(), mode, route, playerUrl: normalizePlayerUrl(options.playerUrl) };
}

export function normalizePlayerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DispatchError(
      DispatchErrorCode.BadPlayerUrl,
      `The player URL "${value}" is not an absolute URL`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DispatchError(
      DispatchErrorCode.BadPlayerUrl,
      `The player URL must be http or https, not ${url.protocol}`,
    );
  if (url.username || url.password)
    throw new DispatchError(
      DispatchErrorCode.BadPlayerUrl,
      'The player URL must not carry a user name or password',
    );
  url.search = '';
  url.hash = '';
  // A URL naming index.html means its folder; any other path is taken as a folder.
  url.pathname = url.pathname.replace(/\/index\.html?$/i, '/').replace(/\/?$/, '/');
  return url.href;
}
