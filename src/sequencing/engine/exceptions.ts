// A sentence for the learner per SN exception code (Appendix D; sequencing.md §2 table).
const REASONS: Record<string, string> = {
  'NB.2.1-1': 'The course has already started.',
  'NB.2.1-2': 'The course has not started yet.',
  'NB.2.1-3': 'There is nothing to resume.',
  'NB.2.1-4': 'Moving on is not allowed here.',
  'NB.2.1-5': 'Going back is not allowed here.',
  'NB.2.1-6': 'There is nothing before the start of the course.',
  'NB.2.1-8': 'This activity must be finished before you can leave it.',
  'NB.2.1-10': 'This activity cannot be chosen directly.',
  'NB.2.1-11': 'This activity does not exist in the course.',
  'NB.2.1-12': 'This activity has already ended.',
  'SB.2.1-2': 'This section has no activities.',
  'SB.2.1-3': 'There is nothing before the start of the course.',
  'SB.2.1-4': 'Going back is not allowed here.',
  'SB.2.2-1': 'Moving through this section in order is not allowed.',
  'SB.2.2-2': 'The next activity is not available.',
  'SB.2.4-1': 'You cannot skip ahead to that activity.',
  'SB.2.4-2': 'Going back to that activity is not allowed.',
  'SB.2.9-2': 'This activity is not part of your course.',
  'SB.2.9-3': 'This activity cannot be chosen.',
  'SB.2.9-4': 'This activity cannot be chosen directly.',
  'SB.2.9-6': 'This activity cannot be started from here.',
  'SB.2.9-7': 'This activity must be finished before you can leave it.',
  'SB.2.9-8': 'That activity is outside the current section.',
  'SB.2.9-9': 'This section has nothing to deliver.',
  'SB.2.10-3': 'There is nothing to retry.',
  'DB.1.1-1': 'Only a single activity can be opened.',
  'DB.1.1-3': 'This activity is not available (disabled or out of attempts).',
};

export function explain(code: string): string {
  return REASONS[code] ?? `This navigation request is not allowed now (${code}).`;
}
