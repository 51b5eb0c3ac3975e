// Every golf package of the corpus folder (npm run test:corpus; SCORM_CORPUS, default ../shared/corpus),
// played in the built app from its URL under /corpus/packages/: play-courses.ts says what is checked.
import { golfPackages } from './golf-corpus.js';
import { playCourses } from './play-courses.js';

playCourses({
  title: 'golf packages in the built app',
  packages: golfPackages(),
  folder: '/corpus/packages/',
  // The pre-test's single attempt cannot be returned to with Previous.
  noFlowCheck: /PreOrPost/,
  killed: ['golf-RuntimeBasicCalls_SCORM20043rdEdition', 'golf-RuntimeBasicCalls_SCORM12'],
});
