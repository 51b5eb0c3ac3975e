// Errors of the dispatch layer as codes in an `as const` object (fflate's habit), so that callers such as the
// CLI and the dispatch maker can branch on them and print a clear message.
export const DispatchErrorCode = {
  BadVersion: 'bad-version',
  BadMode: 'bad-mode',
  BadRoute: 'bad-route',
  BadToken: 'bad-token',
  BadPlayerUrl: 'bad-player-url',
  BadTitle: 'bad-title',
  BadTemplate: 'bad-template',
  BadRegistry: 'bad-registry',
} as const;

export type DispatchErrorCode = (typeof DispatchErrorCode)[keyof typeof DispatchErrorCode];

export class DispatchError extends Error {
  constructor(
    readonly code: DispatchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DispatchError';
  }
}
