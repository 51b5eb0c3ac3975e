// parseManifest on the project's own test courses and manifests (test/fixtures/README.md), served from the
// project root: versions, trees and launch URLs, the item extensions, sequencing, metadata, xml:base,
// sub-manifests and encodings, and the invalid manifests rejected with clear errors.
import { expect } from '@open-wc/testing';
import { ManifestError, parseManifest, type Item, type Manifest } from '../../src/package/index.js';

const fixtures = '/test/fixtures/';

/** Every course folder of test/fixtures/, with the version its manifest declares. */
const courses: [string, Manifest['version']][] = [
  ['runtime-12', '1.2'],
  ['runtime-2004-3rd', '2004-3rd'],
  ['single-sco-2004-2nd', '2004-2nd'],
  ['single-sco-2004-4th', '2004-4th'],
  ['multi-sco-2004-3rd', '2004-3rd'],
  ['one-file-per-sco-12', '1.2'],
  ['metadata-2004-3rd', '2004-3rd'],
  ['xml-base-2004-4th', '2004-4th'],
  ['sub-manifest-2004-3rd', '2004-3rd'],
  ['encoding-latin1-12', '1.2'],
  ['encoding-utf16-2004-3rd', '2004-3rd'],
  ['extensions-12', '1.2'],
  ['prerequisites-12', '1.2'],
  ['extensions-2004-4th', '2004-4th'],
  ['seq-forced-sequential', '2004-3rd'],
  ['seq-pre-post-test', '2004-3rd'],
  ['seq-post-test-rollup-4th', '2004-4th'],
  ['seq-remediation', '2004-3rd'],
  ['seq-random-test', '2004-3rd'],
  ['seq-hidden-disabled', '2004-3rd'],
  ['seq-global-objectives', '2004-3rd'],
  ['interactions-12', '1.2'],
  ['interactions-2004-4th', '2004-4th'],
  ['dispatch-12', '1.2'],
];

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const loadCourse = async (name: string): Promise<Manifest> =>
  parseManifest(await fetchBytes(`${fixtures}${name}/imsmanifest.xml`));
const loadManifest = (name: string): Promise<Uint8Array> => fetchBytes(`${fixtures}manifests/${name}`);

function leaves(items: Item[]): Item[] {
  return items.flatMap((i) => (i.children.length ? leaves(i.children) : [i]));
}

function findIn(items: Item[], id: string): Item | undefined {
  for (const i of items) {
    if (i.identifier === id) return i;
    const found = findIn(i.children, id);
    if (found) return found;
  }
  return undefined;
}

function findItem(items: Item[], id: string): Item {
  const found = findIn(items, id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function parseError(bytes: Uint8Array): ManifestError {
  try {
    parseManifest(bytes);
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('parseManifest accepted the manifest');
}

describe('parseManifest on the fixture courses', () => {
  for (const [name, version] of courses) {
    it(`${name}: version, tree and launch URLs, no warnings`, async () => {
      const m = await loadCourse(name);
      expect(m.version).to.equal(version);
      expect(m.defaultOrganization).to.equal(m.organizations[0]);
      expect(m.warnings, JSON.stringify(m.warnings)).to.deep.equal([]);
      const launchable = leaves(m.defaultOrganization.items);
      expect(launchable.length).to.be.greaterThan(0);
      for (const item of launchable) {
        expect(item.resource, item.identifier).to.not.equal(undefined);
        expect(item.launchUrl, item.identifier).to.match(/^[\w/.-]+\.html([?#][^\s]*)?$/);
      }
      for (const r of m.resources) for (const f of r.files) expect(f).to.not.match(/^\/|\\|\.\./);
    });
  }

  it('runtime-12: one SCO with its parameters, the mastery score, an asset by dependency', async () => {
    const m = await loadCourse('runtime-12');
    const [item] = m.defaultOrganization.items;
    expect(item?.launchUrl).to.equal('sco.html?pages=4&score=90&title=Knots%20Explained');
    expect(item?.masteryScore).to.equal(80);
    expect(item?.resource?.scormType).to.equal('sco');
    expect(item?.resource?.dependencies).to.deep.equal(['glossary_resource']);
    expect(m.resources.find((r) => r.identifier === 'glossary_resource')?.scormType).to.equal('asset');
    expect(m.schemaVersion).to.equal('1.2');
  });

  it('one-file-per-sco-12: clusters hold assets; quiz items carry their parameters', async () => {
    const m = await loadCourse('one-file-per-sco-12');
    expect(
      m.defaultOrganization.items.every((i) => i.children.length > 0 && i.launchUrl === undefined),
    ).to.equal(true);
    for (const leaf of leaves(m.defaultOrganization.items))
      expect(leaf.resource?.scormType).to.equal('asset');
    expect(findItem(m.defaultOrganization.items, 'tying_quiz_item').launchUrl).to.equal(
      'shared/quiz.html?questions=Tying',
    );
    expect(m.resources.find((r) => r.identifier === 'quiz_resource')?.dependencies).to.deep.equal([
      'common_files',
    ]);
  });

  it('single-sco-2004-2nd: schemaversion "CAM 1.3" is the 2nd edition', async () => {
    const m = await loadCourse('single-sco-2004-2nd');
    expect(m.schemaVersion).to.equal('CAM 1.3');
  });

  it('runtime-2004-3rd: primary objective satisfied by measure 0.8', async () => {
    const m = await loadCourse('runtime-2004-3rd');
    const primary = m.defaultOrganization.items[0]?.sequencing?.objectives.primary;
    expect(primary?.objectiveID).to.equal('PRIMARYOBJ');
    expect(primary?.satisfiedByMeasure).to.equal(true);
    expect(primary?.minNormalizedMeasure).to.equal(0.8);
  });

  it('seq-forced-sequential: the sequencingCollection is applied under the local definition', async () => {
    const m = await loadCourse('seq-forced-sequential');
    const org = m.defaultOrganization;
    expect(org.objectivesGlobalToSystem).to.equal(false);
    expect(org.sequencing?.controlMode).to.include({ choice: true, flow: true, forwardOnly: false });
    const bowline = findItem(org.items, 'bowline_item');
    expect(bowline.sequencing?.idRef).to.equal('common_seq_rules');
    expect(bowline.sequencing?.rollupRules.objectiveMeasureWeight).to.equal(0);
    expect(bowline.sequencing?.deliveryControls).to.deep.equal({
      tracked: true,
      completionSetByContent: true,
      objectiveSetByContent: true,
    });
    expect(bowline.sequencing?.objectives.primary?.mapInfo[0]).to.include({
      targetObjectiveID: 'fixtures.forcedsequential.bowline_satisfied',
      readSatisfiedStatus: true,
      writeSatisfiedStatus: true,
      readNormalizedMeasure: true,
      writeNormalizedMeasure: false,
    });
    const clove = findItem(org.items, 'clove_item');
    const [rule] = clove.sequencing?.sequencingRules.preConditionRules ?? [];
    expect(rule?.action).to.equal('disabled');
    expect(rule?.conditionCombination).to.equal('any');
    expect(rule?.conditions).to.deep.equal([
      {
        condition: 'satisfied',
        operator: 'not',
        referencedObjective: 'previous_sco_satisfied',
        measureThreshold: 0,
      },
      {
        condition: 'objectiveStatusKnown',
        operator: 'not',
        referencedObjective: 'previous_sco_satisfied',
        measureThreshold: 0,
      },
    ]);
    expect(clove.sequencing?.objectives.secondary.map((o) => o.objectiveID)).to.deep.equal([
      'previous_sco_satisfied',
    ]);
    // The collection entry gives no rules: the first lesson keeps the defaults.
    expect(bowline.sequencing?.sequencingRules.preConditionRules).to.deep.equal([]);
  });

  it('seq-post-test-rollup-4th: shared data maps, progress weights and adlseq objective maps', async () => {
    const m = await loadCourse('seq-post-test-rollup-4th');
    const org = m.defaultOrganization;
    expect(org.sharedDataGlobalToSystem).to.equal(false);
    const bowline = findItem(org.items, 'bowline_item');
    expect(bowline.dataMaps).to.deep.equal([
      { targetID: 'fixtures.posttest4th.notes', readSharedData: true, writeSharedData: true },
    ]);
    expect(bowline.completionThreshold).to.deep.equal({
      completedByMeasure: false,
      minProgressMeasure: 1,
      progressWeight: 0.3,
    });
    expect(bowline.sequencing?.objectives.primary?.mapInfo[0]).to.include({
      targetObjectiveID: 'fixtures.posttest4th.bowline_completed',
      readCompletionStatus: true,
      writeCompletionStatus: true,
      readSatisfiedStatus: false,
      writeSatisfiedStatus: false,
      writeRawScore: false,
    });
    expect(bowline.sequencing?.rollupRules.rollupObjectiveSatisfied).to.equal(false);
    const clove = findItem(org.items, 'clove_item');
    const previous = clove.sequencing?.objectives.secondary.find(
      (o) => o.objectiveID === 'previous_completed',
    );
    expect(previous?.mapInfo[0]).to.include({ readCompletionStatus: true, writeCompletionStatus: false });
    const quiz = findItem(org.items, 'quiz_item');
    expect(quiz.sequencing?.idRef).to.equal(undefined);
    expect(quiz.sequencing?.sequencingRules.preConditionRules.map((r) => r.action)).to.deep.equal([
      'hiddenFromChoice',
    ]);
    expect(quiz.sequencing?.deliveryControls.completionSetByContent).to.equal(true);
  });

  it('seq-random-test: hidden clusters, parameters, randomization, selection, post-condition rules, hideLMSUI', async () => {
    const m = await loadCourse('seq-random-test');
    const org = m.defaultOrganization;
    const wrapper = findItem(org.items, 'content_wrapper');
    expect(wrapper.isVisible).to.equal(false);
    expect(wrapper.launchUrl).to.equal(undefined);
    expect(wrapper.sequencing?.randomizationControls).to.include({
      selectionTiming: 'onEachNewAttempt',
      selectCount: 1,
      reorderChildren: true,
    });
    const test1 = findItem(org.items, 'test_1');
    expect(test1.isVisible).to.equal(false);
    expect(test1.parameters).to.equal('?content=test1&score=70');
    expect(test1.hideLmsUi).to.include('suspendAll');
    expect(findItem(org.items, 'lessons_item').sequencing?.randomizationControls).to.include({
      reorderChildren: false,
      selectionTiming: 'never',
    });
    const posttest = findItem(org.items, 'posttest_item');
    expect(posttest.sequencing?.sequencingRules.postConditionRules.map((r) => r.action)).to.deep.equal([
      'retry',
    ]);
    expect(posttest.sequencing?.limitConditions.attemptLimit).to.equal(2);
  });

  it('seq-pre-post-test: rollup rules with their child activity sets, skip rules on a global', async () => {
    const m = await loadCourse('seq-pre-post-test');
    const rules = m.defaultOrganization.sequencing?.rollupRules.rules ?? [];
    expect(rules.map((r) => [r.childActivitySet, r.action])).to.deep.equal([
      ['any', 'satisfied'],
      ['all', 'notSatisfied'],
      ['any', 'incomplete'],
    ]);
    for (const r of rules) expect(r.conditions.length).to.be.greaterThan(0);
    const content = findItem(m.defaultOrganization.items, 'content_item');
    expect(content.sequencing?.sequencingRules.preConditionRules.map((r) => r.action)).to.deep.equal([
      'skip',
    ]);
    expect(content.sequencing?.rollupRules.rollupObjectiveSatisfied).to.equal(false);
    expect(
      findItem(m.defaultOrganization.items, 'pretest_item').sequencing?.limitConditions.attemptLimit,
    ).to.equal(1);
  });

  it('seq-remediation: retryAll when the test is not satisfied, satisfied by measure, attempt limit', async () => {
    const m = await loadCourse('seq-remediation');
    const test = findItem(m.defaultOrganization.items, 'test_item');
    expect(test.sequencing?.sequencingRules.postConditionRules.map((r) => r.action)).to.deep.equal([
      'retryAll',
    ]);
    expect(test.sequencing?.limitConditions.attemptLimit).to.equal(3);
    expect(test.sequencing?.objectives.primary).to.include({
      satisfiedByMeasure: true,
      minNormalizedMeasure: 0.8,
    });
  });

  it('seq-hidden-disabled: isvisible, disabled and hiddenFromChoice rules', async () => {
    const m = await loadCourse('seq-hidden-disabled');
    const items = m.defaultOrganization.items;
    expect(findItem(items, 'notes_item').isVisible).to.equal(false);
    expect(
      findItem(items, 'practice_item').sequencing?.sequencingRules.preConditionRules[0]?.action,
    ).to.equal('disabled');
    const [always] = findItem(items, 'answers_item').sequencing?.sequencingRules.preConditionRules ?? [];
    expect(always?.action).to.equal('hiddenFromChoice');
    expect(always?.conditions[0]?.condition).to.equal('always');
  });

  it('seq-global-objectives: objectives global to the system, a secondary objective mapped both ways', async () => {
    const m = await loadCourse('seq-global-objectives');
    expect(m.defaultOrganization.objectivesGlobalToSystem).to.equal(true);
    const [global] =
      findItem(m.defaultOrganization.items, 'bowline_item').sequencing?.objectives.secondary ?? [];
    expect(global?.mapInfo[0]).to.include({
      targetObjectiveID: 'fixtures.global.bowline',
      readSatisfiedStatus: true,
      writeSatisfiedStatus: true,
      writeNormalizedMeasure: true,
    });
  });

  it('metadata-2004-3rd: inline LOM descriptions, and external metadata read through readFile', async () => {
    const base = `${fixtures}metadata-2004-3rd/`;
    const files = new Map<string, Uint8Array>();
    for (const f of ['metadata_course.xml', 'metadata_organization.xml'])
      files.set(f, await fetchBytes(base + f));
    const asked: string[] = [];
    const m = parseManifest(await fetchBytes(`${base}imsmanifest.xml`), {
      readFile: (p) => {
        asked.push(p);
        return files.get(p);
      },
    });
    expect(asked).to.have.members(['metadata_course.xml', 'metadata_organization.xml']);
    expect(m.description).to.match(/^A short course on the knots every sailor ties/);
    expect(m.title).to.equal('Knots Explained - Metadata');
    expect(m.defaultOrganization.description).to.equal('The knots, one SCO each.');
    expect(m.defaultOrganization.items[0]?.description).to.equal(
      'The one item of the course: the bowline and the clove hitch.',
    );
    // Without readFile only the inline metadata is used, and nothing is fetched.
    const bare = await loadCourse('metadata-2004-3rd');
    expect(bare.description).to.equal(undefined);
    expect(bare.defaultOrganization.items[0]?.description).to.match(/^The one item/);
  });

  it('xml-base-2004-4th: manifest, resources and resource bases, and the parameter joining rules', async () => {
    const m = await loadCourse('xml-base-2004-4th');
    expect(leaves(m.defaultOrganization.items).map((i) => i.launchUrl)).to.deep.equal([
      'course/lessons/one/sco.html?pages=3',
      'course/lessons/two/sco.html?pages=3&title=Two',
      'course/lessons/two/sco.html#top',
      'course/lessons/one/sco.html?exit=suspend&pages=3',
    ]);
  });

  it('sub-manifest-2004-3rd: an item stands for the sub-manifest, another names a resource in it', async () => {
    const m = await loadCourse('sub-manifest-2004-3rd');
    expect(m.subManifests.map((s) => s.identifier)).to.deep.equal(['extra_manifest']);
    const extra = findItem(m.defaultOrganization.items, 'extra_item');
    expect(extra.launchUrl).to.equal(undefined);
    expect(extra.children.map((c) => [c.identifier, c.launchUrl])).to.deep.equal([
      ['extra_lesson_item', 'extra/sco.html?pages=3'],
    ]);
    expect(findItem(m.defaultOrganization.items, 'direct_item').launchUrl).to.equal(
      'extra/sco.html?title=Direct',
    );
  });

  it('encodings: ISO-8859-1 and UTF-16 manifests decode to the same characters', async () => {
    const latin1 = await loadCourse('encoding-latin1-12');
    expect(latin1.title).to.equal('Noeuds expliqués - Latin-1');
    expect(latin1.defaultOrganization.items.map((i) => i.title)).to.deep.equal([
      'Le noeud de chaise (très sûr)',
      "Le noeud de cabestan, « à l'épreuve »",
    ]);
    const utf16 = await loadCourse('encoding-utf16-2004-3rd');
    expect(utf16.title).to.equal('Κόμποι — 結び目 🪢');
    expect(utf16.defaultOrganization.items.map((i) => i.title)).to.deep.equal([
      'Ο κόμπος της καρέκλας',
      'もやい結び',
    ]);
  });

  it('extensions-12: masteryscore, maxtimeallowed, timelimitaction, datafromlms, the structure', async () => {
    const m = await loadCourse('extensions-12');
    const [timed, strict] = m.defaultOrganization.items;
    expect(timed).to.include({
      masteryScore: 80,
      maxTimeAllowed: '00:30:00',
      timeLimitAction: 'exit,message',
      dataFromLms: 'knots=bowline,clove',
    });
    expect(strict).to.include({ masteryScore: 90, timeLimitAction: 'continue,no message' });
    expect(m.defaultOrganization.structure).to.equal('hierarchical');
  });

  it('prerequisites-12: the expressions as written, and the hidden item', async () => {
    const m = await loadCourse('prerequisites-12');
    const [basics, bowline, clove, review, hidden] = m.defaultOrganization.items;
    expect(basics?.prerequisites).to.equal(undefined);
    expect(bowline?.prerequisites).to.equal('basics');
    expect(clove?.prerequisites).to.equal('basics & bowline');
    expect(review?.prerequisites).to.equal('(bowline | clove) & ~hidden');
    expect(hidden?.isVisible).to.equal(false);
  });

  it('extensions-2004-4th: dataFromLMS, timeLimitAction, completionThreshold, data maps, hideLMSUI', async () => {
    const m = await loadCourse('extensions-2004-4th');
    const item = m.defaultOrganization.items[0];
    expect(item?.dataFromLms).to.equal('knots=bowline,clove');
    expect(item?.timeLimitAction).to.equal('exit,message');
    expect(item?.maxTimeAllowed).to.equal('PT30M');
    expect(item?.completionThreshold).to.deep.equal({
      completedByMeasure: true,
      minProgressMeasure: 0.75,
      progressWeight: 0.5,
    });
    expect(item?.hideLmsUi).to.deep.equal(['exit', 'abandon']);
    expect(item?.dataMaps).to.deep.equal([
      { targetID: 'fixtures.extensions.notes', readSharedData: true, writeSharedData: true },
    ]);
    expect(m.defaultOrganization.items[1]?.dataMaps[0]).to.include({ writeSharedData: false });
  });
});

describe('parseManifest on the fixture manifests', () => {
  it('malformed-xml-12: rejected with the line of the error', async () => {
    const e = parseError(await loadManifest('malformed-xml-12.xml'));
    expect(e.code).to.equal('malformed-xml');
    expect(e.line).to.equal(14);
    expect(e.message).to.contain('line 14').and.contain("closing tag 'item'");
  });

  it('unknown-resource-12: rejected naming the item and the reference', async () => {
    const e = parseError(await loadManifest('unknown-resource-12.xml'));
    expect(e.code).to.equal('unknown-resource');
    expect(e.element).to.equal('item[identifier=item_1]');
    expect(e.message).to.contain('no_such_resource');
  });

  it('missing-org-identifier-2004: rejected for the organization without identifier', async () => {
    const e = parseError(await loadManifest('missing-org-identifier-2004.xml'));
    expect(e.code).to.equal('missing-identifier');
    expect(e.element).to.equal('organization');
    expect(e.message).to.contain('<organization>').and.contain('Nameless Organization');
  });

  it('missing-org-title-12: the organization without a title is rejected', async () => {
    const e = parseError(await loadManifest('missing-org-title-12.xml'));
    expect(e.code).to.equal('missing-title');
    expect(e.element).to.equal('organization[identifier=org]');
  });

  it('missing-launch-href-12: an item whose resource has no href is rejected', async () => {
    const e = parseError(await loadManifest('missing-launch-href-12.xml'));
    expect(e.code).to.equal('missing-launch-href');
    expect(e.message).to.contain('item[identifier=item_1]').and.contain('resource[identifier=r1]');
  });

  it('broken-default-org-2004-4th: falls back to the first organization and says so', async () => {
    const m = parseManifest(await loadManifest('broken-default-org-2004-4th.xml'));
    expect(m.version).to.equal('2004-4th');
    expect(m.defaultOrganization.identifier).to.equal('first_org');
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['default-organization-missing']);
    expect(m.warnings[0]?.message).to.contain('NO_SUCH_ORG');
    const [a1, a2] = m.defaultOrganization.items;
    // The resource's xml:base applies; the parameters' leading '?' is joined by the CAM rule.
    expect(a1?.launchUrl).to.equal('content/launch.html?case=first&act=1');
    expect(a1?.maxTimeAllowed).to.equal('P1DT2H30M');
    expect(a1?.hideLmsUi).to.deep.equal(['continue', 'previous']);
    expect(a2?.sequencing?.objectives.primary).to.include({
      satisfiedByMeasure: true,
      minNormalizedMeasure: 0.8,
    });
    expect(m.defaultOrganization.sequencing?.controlMode).to.include({
      choice: false,
      flow: true,
      choiceExit: true,
    });
    const lib = m.resources.find((r) => r.identifier === 'lib_resource');
    expect(lib?.files).to.deep.equal(['common/library.js']);
    expect(lib?.base).to.equal('common/');
  });

  it('no-schemaversion-2004-2nd: 2004 from the namespaces, with a warning', async () => {
    const m = parseManifest(await loadManifest('no-schemaversion-2004-2nd.xml'));
    expect(m.version).to.equal('2004-2nd');
    expect(m.schemaVersion).to.equal(undefined);
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['schemaversion-missing']);
    expect(m.resources[0]?.scormType).to.equal('sco');
  });

  it('nested-items-12: two organizations, a deep tree, clusters not launched', async () => {
    const m = parseManifest(await loadManifest('nested-items-12.xml'));
    expect(m.organizations.map((o) => o.identifier)).to.deep.equal(['main_org', 'short_org']);
    expect(leaves(m.defaultOrganization.items).map((i) => [i.identifier, i.launchUrl])).to.deep.equal([
      ['topic_1_1_1_1', 'content/topic.html'],
      ['section_2_1', 'content/section.html'],
    ]);
    expect(findItem(m.defaultOrganization.items, 'module_1').launchUrl).to.equal(undefined);
    expect(
      m.warnings.filter((w) => w.code === 'identifierref-on-cluster').map((w) => w.element),
    ).to.have.members(['item[identifier=module_1]', 'item[identifier=section_1_1_1]']);
    expect(m.organizations[1]?.items[0]?.launchUrl).to.equal('content/section.html');
  });

  it('absent-metadata-file-12: datafromlms and isvisible; the absent metadata file is a warning', async () => {
    const m = parseManifest(await loadManifest('absent-metadata-file-12.xml'), { readFile: () => undefined });
    expect(m.version).to.equal('1.2');
    expect(m.defaultOrganization.items[0]?.dataFromLms).to.equal('mode=review');
    expect(m.defaultOrganization.items[0]?.isVisible).to.equal(true);
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['metadata-unreadable']);
    expect(m.warnings[0]?.message).to.contain('metadata.xml');
  });

  it('missing-files-12: parses, and every absent file is a warning when files are checked', async () => {
    const bytes = await loadManifest('missing-files-12.xml');
    expect(parseManifest(bytes).warnings).to.deep.equal([]);
    const present = new Set(['content/item1.html', 'content/item2.html']);
    const m = parseManifest(bytes, { fileExists: (p) => present.has(p) });
    const missing = m.warnings.filter((w) => w.code === 'file-missing').map((w) => w.message);
    expect(missing).to.have.length(2);
    expect(missing.join('\n')).to.contain('content/extra.js').and.contain('content/item3.html');
    const launch = m.warnings.filter((w) => w.code === 'launch-file-missing');
    expect(launch).to.have.length(1);
    expect(launch[0]?.message).to.contain('content/item3.html');
  });

  it('cam12-mixed: schemaversion "CAM 1.2" wins over the 2004 namespaces', async () => {
    const m = parseManifest(await loadManifest('cam12-mixed.xml'));
    expect(m.version).to.equal('1.2');
    expect(m.defaultOrganization.items[0]).to.include({ masteryScore: 70, prerequisites: 'item_2' });
  });
});
