// The imsss / adlseq XSD defaults of a sequencing definition (scorm-reference E), in a module of their own
// so that the sequencer can use them without the manifest reader.
import type { SequencingDefinition } from './types.js';

export function defaultSequencing(): SequencingDefinition {
  return {
    controlMode: {
      choice: true,
      choiceExit: true,
      flow: false,
      forwardOnly: false,
      useCurrentAttemptObjectiveInfo: true,
      useCurrentAttemptProgressInfo: true,
    },
    sequencingRules: { preConditionRules: [], exitConditionRules: [], postConditionRules: [] },
    limitConditions: {},
    rollupRules: {
      rollupObjectiveSatisfied: true,
      rollupProgressCompletion: true,
      objectiveMeasureWeight: 1,
      rules: [],
    },
    objectives: { secondary: [] },
    randomizationControls: {
      randomizationTiming: 'never',
      reorderChildren: false,
      selectionTiming: 'never',
    },
    deliveryControls: { tracked: true, completionSetByContent: false, objectiveSetByContent: false },
    constrainedChoiceConsiderations: { preventActivation: false, constrainChoice: false },
    rollupConsiderations: {
      requiredForSatisfied: 'always',
      requiredForNotSatisfied: 'always',
      requiredForCompleted: 'always',
      requiredForIncomplete: 'always',
      measureSatisfactionIfActive: true,
    },
  };
}
