// `scorm-player <command> [...]`: the Node command line (architecture.md, "The command line").
// Exit codes: 0 success, 1 the command failed (e.g. a fatal manifest error), 2 usage errors.
import { commands, type CliIo } from './commands.js';
import { packageVersion } from './package-info.js';

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  scorm-player ${c.usage}`);
  return [
    'Usage:',
    ...lines,
    '  scorm-player --help                       show this text',
    '  scorm-player --version                    print the version',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(packageVersion());
    return 0;
  }
  const entry = name === undefined ? undefined : commands[name];
  if (entry === undefined) {
    io.err(
      name === undefined ? 'scorm-player: no command given\n' : `scorm-player: unknown command "${name}"\n`,
    );
    io.err(usage());
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(args, io);
  } catch (error) {
    // A failure no command foresaw: one plain line, not a stack trace.
    io.err(`scorm-player ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const io: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

process.exitCode = await main(process.argv.slice(2), io);
