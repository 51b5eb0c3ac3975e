// Writing a command's output file, with a plain message when the path cannot be written (no stack trace).
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** An output path that could not be written; the message is for people. */
export class OutputError extends Error {}

const REASONS: Record<string, (path: string) => string> = {
  ENOENT: (path) => `the folder ${dirname(path)} does not exist`,
  ENOTDIR: (path) => `${dirname(path)} is not a folder`,
  EISDIR: () => 'it is a folder',
  EACCES: () => 'permission denied',
  EPERM: () => 'permission denied',
  EROFS: () => 'the file system is read-only',
  ENOSPC: () => 'the disk is full',
};

export async function writeOutput(output: string, bytes: Uint8Array | string): Promise<string> {
  const path = resolve(output);
  try {
    await writeFile(path, bytes);
    return path;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code]?.(path) ?? (error instanceof Error ? error.message : String(error));
    throw new OutputError(`cannot write ${path}: ${reason}`);
  }
}
