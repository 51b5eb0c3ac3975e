// The command table of `scorm-player`. Each entry loads its module lazily, so `--help` and one command
// never pay for the others. A command module exports `run(args, io)` resolving to the exit code.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandModule {
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CommandEntry {
  /** One line for the usage text, starting with the arguments. */
  usage: string;
  load(): Promise<CommandModule>;
}

export const commands: Record<string, CommandEntry> = {
  validate: {
    usage:
      'validate <zip-or-folder> [--json]  parse imsmanifest.xml, print the tree, every warning and error',
    load: () => import('./validate.js'),
  },
  dispatch: {
    usage:
      'dispatch --scorm 1.2|2004 --token T --player-url URL --title "..." [--mode redirect|relay] -o shell.zip',
    load: () => import('./dispatch.js'),
  },
  // A further command is one more entry: `name: { usage: '...', load: () => import('./name.js') },`
};
