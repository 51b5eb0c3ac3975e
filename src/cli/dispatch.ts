// `scorm-player dispatch`: writes a dispatch shell zip (architecture.md, "The command line"):
//   scorm-player dispatch --scorm 1.2|2004 --token T --player-url URL --title "..." [--mode redirect|relay] -o shell.zip
// The templates are read from shell-templates/ in the package root (the npm package ships that folder).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildShellFiles,
  buildShellZip,
  loadShellTemplates,
  type ShellTemplates,
} from '../dispatch/build-shell.js';
import { DispatchError } from '../dispatch/dispatch-error.js';
import { registryEntryJson } from '../dispatch/registry.js';
import type { DispatchMode, DispatchRoute, ShellScormVersion } from '../dispatch/shell-options.js';
import { generateToken } from '../dispatch/token.js';
import type { CliIo } from './commands.js';
import { OutputError, writeOutput } from './write-output.js';

export const USAGE = `Usage: scorm-player dispatch --scorm 1.2|2004 --token T --player-url URL --title "..." [options] -o shell.zip
  Writes a small SCORM package for a customer's LMS that sends its learners to the player.

  --scorm 1.2|2004          the SCORM version of the shell package
  --token T                 the dispatch token (the key in the player's dispatches.json; 4-64 of A-Z a-z 0-9 - _);
                            omit it to have a random one made and printed
  --player-url URL          where the player app is published (the folder of its index.html)
  --title "..."             the title the LMS shows
  --mode redirect|relay     redirect (default): send the learner to the player; relay: frame the player and
                            write completion, success, score and time into the LMS
  --route path|query        path (default): {player}/player/dispatch/T?user_id=...; query: {player}/?dispatch=T&user_id=...
                            (query works on any static host)
  --course URL              also print the dispatches.json entry for this course URL
  --allowed-origin ORIGIN   (repeatable) the LMS origin for the entry's allowedOrigins (relay mode needs it)
  -o, --output FILE         the zip to write
`;

/** shell-templates/ beside the package root: two levels up from src/cli/ and one from dist/. */
export function findTemplatesDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'shell-templates');
    if (existsSync(join(candidate, 'scorm12', 'shell.js'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`shell-templates/ was not found above ${from}`);
}

export function readTemplates(dir: string = findTemplatesDir()): Promise<ShellTemplates> {
  return loadShellTemplates((p) => readFile(join(dir, p), 'utf8'));
}

class UsageError extends Error {}

export async function run(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        scorm: { type: 'string' },
        token: { type: 'string' },
        'player-url': { type: 'string' },
        title: { type: 'string' },
        mode: { type: 'string' },
        route: { type: 'string' },
        course: { type: 'string' },
        'allowed-origin': { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`scorm-player dispatch: ${error instanceof Error ? error.message : String(error)}\n`);
    io.err(USAGE);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    const need = (name: string, value: string | undefined): string => {
      if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
      return value;
    };
    const scorm = need('scorm', values.scorm) as ShellScormVersion;
    const playerUrl = need('player-url', values['player-url']);
    const title = need('title', values.title);
    const output = need('output', values.output);
    const generated = values.token === undefined;
    const token = values.token ?? generateToken();
    const options = {
      scorm,
      token,
      playerUrl,
      title,
      mode: (values.mode ?? 'redirect') as DispatchMode,
      route: (values.route ?? 'path') as DispatchRoute,
    };
    const templates = await readTemplates();
    // Build the files first: every argument error surfaces before anything is written.
    buildShellFiles(options, templates);
    const zip = buildShellZip(options, templates);
    const path = await writeOutput(output, zip);
    io.out(`Wrote ${path} (${zip.byteLength} bytes, SCORM ${scorm}, ${options.mode} mode)`);
    if (generated) io.out(`Token: ${token}`);
    if (values.course !== undefined) {
      io.out('Add this entry to dispatches.json beside the player:');
      io.out(
        registryEntryJson(token, {
          course: values.course,
          title,
          ...(values['allowed-origin'] ? { allowedOrigins: values['allowed-origin'] } : {}),
        }),
      );
    } else if (options.mode === 'relay') {
      io.out('Relay mode: list the LMS origin in the entry\'s "allowedOrigins" in dispatches.json.');
    }
    return 0;
  } catch (error) {
    if (error instanceof OutputError) {
      io.err(`scorm-player dispatch: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || error instanceof DispatchError) {
      io.err(`scorm-player dispatch: ${error.message}\n`);
      if (error instanceof UsageError) io.err(USAGE);
      return 2;
    }
    io.err(`scorm-player dispatch: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
