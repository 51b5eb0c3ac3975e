// parseManifest against the real packages and edge-case manifests of the corpus folder (npm run test:corpus:
// SCORM_CORPUS, default ../shared/corpus, served under /corpus/). The same rules on the project's own courses
// are in parse-manifest-fixtures.test.ts.
import { expect } from '@open-wc/testing';
import { ManifestError, parseManifest, type Item, type Manifest } from '../../src/package/index.js';

const packages = [
  'golf-ContentPackagingMetadata_SCORM20043rdEdition',
  'golf-ContentPackagingOneFilePerSCO_SCORM12',
  'golf-ContentPackagingOneFilePerSCO_SCORM20043rdEdition',
  'golf-ContentPackagingSingleSCO_SCORM12',
  'golf-ContentPackagingSingleSCO_SCORM20042ndEdition',
  'golf-ContentPackagingSingleSCO_SCORM20043rdEdition',
  'golf-RuntimeAdvancedCalls_SCORM20043rdEdition',
  'golf-RuntimeBasicCalls_SCORM12',
  'golf-RuntimeBasicCalls_SCORM20043rdEdition',
  'golf-RuntimeMinimumCalls_SCORM12',
  'golf-RuntimeMinimumCalls_SCORM20043rdEdition',
  'golf-SequencingForcedSequential_SCORM20043rdEdition',
  'golf-SequencingPostTestRollup4thEd_SCORM20044thEdition',
  'golf-SequencingPostTestRollup_SCORM20043rdEdition',
  'golf-SequencingPreOrPostTestRollup_SCORM20043rdEdition',
  'golf-SequencingRandomTest_SCORM20043rdEdition',
  'golf-SequencingSimpleRemediation_SCORM20043rdEdition',
];

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function loadPackage(name: string): Promise<Manifest> {
  return parseManifest(await fetchBytes(`/corpus/packages/${name}/imsmanifest.xml`));
}

async function loadManifest(name: string): Promise<Uint8Array> {
  return fetchBytes(`/corpus/manifests/${name}`);
}

function leaves(items: Item[]): Item[] {
  return items.flatMap((i) => (i.children.length ? leaves(i.children) : [i]));
}

function findItem(items: Item[], id: string): Item {
  for (const i of items) {
    if (i.identifier === id) return i;
    const found = i.children.length ? findItem(i.children, id) : undefined;
    if (found) return found;
  }
  return undefined as unknown as Item;
}

function expectedVersion(name: string): string {
  if (name.endsWith('_SCORM12')) return '1.2';
  if (name.endsWith('20042ndEdition')) return '2004-2nd';
  if (name.endsWith('20043rdEdition')) return '2004-3rd';
  return '2004-4th';
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

describe('parseManifest on the golf packages', () => {
  for (const name of packages) {
    it(`${name}: version, tree and launch URLs`, async () => {
      const m = await loadPackage(name);
      expect(m.version).to.equal(expectedVersion(name));
      expect(m.identifier).to.match(/^com\.scorm\.golfsamples\./);
      expect(m.title).to.match(/^Golf Explained/);
      expect(m.defaultOrganization).to.equal(m.organizations[0]);
      expect(m.warnings, JSON.stringify(m.warnings)).to.deep.equal([]);
      const launchable = leaves(m.defaultOrganization.items);
      expect(launchable.length).to.be.greaterThan(0);
      for (const item of launchable) {
        expect(item.resource, item.identifier).to.not.equal(undefined);
        expect(item.launchUrl, item.identifier).to.match(/^[A-Za-z]\w*\/[\w.]+\.html(\?[\w=&]+)?$/);
        // The ContentPackaging examples never call the API, and the one-file-per-SCO ones say so.
        const sco = !name.startsWith('golf-ContentPackagingOneFilePerSCO');
        expect(item.resource?.scormType, item.identifier).to.equal(sco ? 'sco' : 'asset');
      }
      for (const r of m.resources) {
        for (const f of r.files) expect(f).to.not.match(/^\/|\\|\.\./);
      }
    });
  }

  it('single SCO 1.2: the one item launches shared/launchpage.html', async () => {
    const m = await loadPackage('golf-ContentPackagingSingleSCO_SCORM12');
    const [item] = m.defaultOrganization.items;
    expect(item?.launchUrl).to.equal('shared/launchpage.html');
    expect(m.resources[0]?.files).to.include('shared/launchpage.html');
    expect(m.schemaVersion).to.equal('1.2');
  });

  it('OneFilePerSCO 1.2: clusters hold assets; quiz items carry their parameters', async () => {
    const m = await loadPackage('golf-ContentPackagingOneFilePerSCO_SCORM12');
    expect(
      m.defaultOrganization.items.every((i) => i.children.length > 0 && i.launchUrl === undefined),
    ).to.equal(true);
    expect(findItem(m.defaultOrganization.items, 'playing_quiz_item').launchUrl).to.equal(
      'shared/assessmenttemplate.html?questions=Playing',
    );
    expect(m.resources.find((r) => r.identifier === 'playing_quiz_resource')?.dependencies).to.deep.equal([
      'common_files',
    ]);
  });

  it('RuntimeAdvancedCalls: primary objective satisfied by measure 0.8', async () => {
    const m = await loadPackage('golf-RuntimeAdvancedCalls_SCORM20043rdEdition');
    const primary = m.defaultOrganization.items[0]?.sequencing?.objectives.primary;
    expect(primary?.objectiveID).to.equal('PRIMARYOBJ');
    expect(primary?.satisfiedByMeasure).to.equal(true);
    expect(primary?.minNormalizedMeasure).to.equal(0.8);
  });

  it('ForcedSequential: the sequencingCollection is applied under the local definition', async () => {
    const m = await loadPackage('golf-SequencingForcedSequential_SCORM20043rdEdition');
    const org = m.defaultOrganization;
    expect(org.objectivesGlobalToSystem).to.equal(false);
    expect(org.sharedDataGlobalToSystem).to.equal(true);
    expect(org.sequencing?.controlMode).to.include({ choice: true, flow: true, forwardOnly: false });
    const playing = findItem(org.items, 'playing_item');
    expect(playing.sequencing?.idRef).to.equal('common_seq_rules');
    expect(playing.sequencing?.rollupRules.objectiveMeasureWeight).to.equal(0);
    expect(playing.sequencing?.deliveryControls).to.deep.equal({
      tracked: true,
      completionSetByContent: true,
      objectiveSetByContent: true,
    });
    expect(playing.sequencing?.objectives.primary?.mapInfo[0]).to.include({
      targetObjectiveID: 'com.scorm.golfsamples.sequencing.forcedsequential.playing_satisfied',
      readSatisfiedStatus: true,
      writeSatisfiedStatus: true,
      readNormalizedMeasure: true,
      writeNormalizedMeasure: false,
    });
    const etiquette = findItem(org.items, 'etuqiette_item');
    const [rule] = etiquette.sequencing?.sequencingRules.preConditionRules ?? [];
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
    expect(etiquette.sequencing?.objectives.secondary.map((o) => o.objectiveID)).to.deep.equal([
      'previous_sco_satisfied',
    ]);
    // The collection entry does not give rules: the defaults stay.
    expect(playing.sequencing?.sequencingRules.preConditionRules).to.deep.equal([]);
    expect(playing.sequencing?.controlMode.choice).to.equal(true);
  });

  it('PostTestRollup 4th Ed: shared data maps, progress weights and adlseq objective maps', async () => {
    const m = await loadPackage('golf-SequencingPostTestRollup4thEd_SCORM20044thEdition');
    const org = m.defaultOrganization;
    expect(org.sharedDataGlobalToSystem).to.equal(false);
    const playing = findItem(org.items, 'playing_item');
    expect(playing.dataMaps).to.deep.equal([
      {
        targetID: 'com.scorm.golfsamples.sequencing.forcedsequential.notesStorage',
        readSharedData: true,
        writeSharedData: true,
      },
    ]);
    expect(playing.completionThreshold).to.deep.equal({
      completedByMeasure: false,
      minProgressMeasure: 1,
      progressWeight: 0.5,
    });
    const [map] = playing.sequencing?.objectives.primary?.mapInfo ?? [];
    expect(map).to.include({
      targetObjectiveID: 'com.scorm.golfsamples.sequencing.forcedsequential.playing_completed',
      readCompletionStatus: true,
      writeCompletionStatus: true,
      readSatisfiedStatus: false,
      writeSatisfiedStatus: false,
      writeRawScore: false,
    });
    const etiquette = findItem(org.items, 'etuqiette_item');
    const previous = etiquette.sequencing?.objectives.secondary.find(
      (o) => o.objectiveID === 'previous_sco_completed',
    );
    expect(previous?.mapInfo[0]).to.include({ readCompletionStatus: true, writeCompletionStatus: false });
    const quiz = findItem(org.items, 'assessment_item');
    expect(quiz.sequencing?.idRef).to.equal(undefined);
    expect(quiz.sequencing?.sequencingRules.preConditionRules.map((r) => r.action)).to.deep.equal([
      'hiddenFromChoice',
      'hiddenFromChoice',
    ]);
    expect(quiz.sequencing?.deliveryControls.completionSetByContent).to.equal(true);
  });

  it('RandomTest: hidden clusters, parameters, randomization, post-condition rules and hideLMSUI', async () => {
    const m = await loadPackage('golf-SequencingRandomTest_SCORM20043rdEdition');
    const org = m.defaultOrganization;
    const wrapper = findItem(org.items, 'content_wrapper');
    expect(wrapper.isVisible).to.equal(false);
    expect(wrapper.launchUrl).to.equal(undefined);
    const test1 = findItem(org.items, 'test_1');
    expect(test1.isVisible).to.equal(false);
    expect(test1.parameters).to.equal('?content=assessment1');
    expect(test1.launchUrl).to.equal('shared/launchpage.html?content=assessment1');
    expect(test1.hideLmsUi).to.include('suspendAll');
    const posttest = findItem(org.items, 'posttest_item');
    expect(posttest.sequencing?.randomizationControls).to.include({
      randomizationTiming: 'onEachNewAttempt',
      reorderChildren: true,
      selectionTiming: 'never',
    });
    const withPost = leaves(org.items)
      .concat(org.items)
      .filter((i) => (i.sequencing?.sequencingRules.postConditionRules.length ?? 0) > 0);
    expect(withPost.length).to.be.greaterThan(0);
    const limits = [...org.items, ...leaves(org.items)].map(
      (i) => i.sequencing?.limitConditions.attemptLimit,
    );
    expect(limits).to.include(2);
  });

  it('PreOrPostTestRollup: rollup rules with their child activity sets', async () => {
    const m = await loadPackage('golf-SequencingPreOrPostTestRollup_SCORM20043rdEdition');
    const all = [m.defaultOrganization.sequencing, ...m.defaultOrganization.items.map((i) => i.sequencing)];
    const rules = all.flatMap((s) => s?.rollupRules.rules ?? []);
    expect(rules.length).to.be.greaterThan(1);
    expect(rules.map((r) => r.childActivitySet)).to.include.members(['all', 'any']);
    for (const r of rules) {
      expect(['satisfied', 'notSatisfied', 'completed', 'incomplete']).to.include(r.action);
      expect(r.conditions.length).to.be.greaterThan(0);
    }
  });

  it('Metadata: inline LOM descriptions, and external metadata read through readFile', async () => {
    const base = '/corpus/packages/golf-ContentPackagingMetadata_SCORM20043rdEdition/';
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
    expect(m.description).to.match(/^A high level overview of the sport of golf/);
    expect(m.title).to.equal('Golf Explained - Metadata Example');
    expect(m.defaultOrganization.description).to.be.a('string').and.not.equal('');
    expect(m.defaultOrganization.items[0]?.description).to.equal(
      'The primary item of the Golf Explained course, this training provides an overview of the sport of golf.',
    );
    // Without readFile only the inline metadata is used, and nothing is fetched.
    const bare = await loadPackage('golf-ContentPackagingMetadata_SCORM20043rdEdition');
    expect(bare.description).to.equal(undefined);
    expect(bare.defaultOrganization.items[0]?.description).to.match(/^The primary item/);
  });
});

describe('parseManifest on the edge-case manifests', () => {
  it('MalformedXml: rejected with the line of the error', async () => {
    const e = parseError(await loadManifest('emp-synthetic-MalformedXml_SCORM12.xml'));
    expect(e.code).to.equal('malformed-xml');
    expect(e.line).to.equal(27);
    expect(e.message).to.contain('line 27').and.contain("closing tag 'item'");
  });

  it('ItemWithNonExistentResourceId: rejected naming the item and the reference', async () => {
    const e = parseError(await loadManifest('emp-synthetic-ItemWithNonExistentResourceId_SCORM12.xml'));
    expect(e.code).to.equal('unknown-resource');
    expect(e.element).to.equal('item[identifier=item_1]');
    expect(e.message).to.contain('non_existent_resource');
  });

  it('InvalidMissingOrgIdentifier: rejected for the organization without identifier', async () => {
    const e = parseError(
      await loadManifest('emp-synthetic-InvalidMissingOrgIdentifier_SCORM20043rdEdition.xml'),
    );
    expect(e.code).to.equal('missing-identifier');
    expect(e.element).to.equal('organization');
    expect(e.message).to.contain('<organization>').and.contain('Minimal Course');
  });

  it('MissingRequiredFields: the organization without a title is rejected', async () => {
    const e = parseError(await loadManifest('emp-synthetic-MissingRequiredFields_SCORM12.xml'));
    expect(e.code).to.equal('missing-title');
    expect(e.element).to.equal('organization[identifier=default_org]');
  });

  it('MissingLaunchUrl: an item whose resource has no href is rejected', async () => {
    const e = parseError(await loadManifest('emp-synthetic-MissingLaunchUrl_SCORM12.xml'));
    expect(e.code).to.equal('missing-launch-href');
    expect(e.message).to.contain('item[identifier=item_1]').and.contain('resource[identifier=resource_1]');
  });

  it('CM-01 broken default organization: falls back to the first one and says so', async () => {
    const m = parseManifest(await loadManifest('emp-synthetic-CM-01-broken-default-org.xml'));
    expect(m.version).to.equal('2004-4th');
    expect(m.defaultOrganization.identifier).to.equal('CM-01');
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['default-organization-missing']);
    expect(m.warnings[0]?.message).to.contain('NONEXISTENT_ORG');
    const [a1, a2] = m.defaultOrganization.items;
    // The resource's xml:base applies; the parameters' leading '?' is replaced by the CAM joining rule.
    expect(a1?.launchUrl).to.equal('resources/SequencingTest.htm?tc=CM-01&act=1');
    expect(a1?.maxTimeAllowed).to.equal('P5Y6M4DT12H30M58S');
    expect(a1?.hideLmsUi).to.deep.equal(['continue', 'previous', 'suspendAll']);
    expect(a2?.sequencing?.objectives.primary).to.include({
      satisfiedByMeasure: true,
      minNormalizedMeasure: 0.8,
    });
    expect(m.defaultOrganization.sequencing?.controlMode).to.include({
      choice: false,
      flow: true,
      choiceExit: true,
    });
    const jar = m.resources.find((r) => r.identifier === 'JAR01');
    expect(jar?.files).to.deep.equal(['common/LMSTest.jar']);
    expect(jar?.base).to.equal('common/');
  });

  it('AdlAttributes: dataFromLMS, timeLimitAction, completionThreshold, hideLMSUI, controlMode', async () => {
    const m = parseManifest(await loadManifest('emp-synthetic-AdlAttributes_SCORM20043rdEdition.xml'));
    const item = m.defaultOrganization.items[0];
    expect(item?.dataFromLms).to.equal('Launch Data');
    expect(item?.timeLimitAction).to.equal('exit,message');
    expect(item?.completionThreshold).to.deep.equal({
      completedByMeasure: true,
      minProgressMeasure: 0.75,
      progressWeight: 1,
    });
    expect(item?.hideLmsUi).to.deep.equal(['exit', 'continue']);
    expect(item?.sequencing?.controlMode).to.deep.equal({
      choice: false,
      choiceExit: false,
      flow: true,
      forwardOnly: false,
      useCurrentAttemptObjectiveInfo: true,
      useCurrentAttemptProgressInfo: true,
    });
    // No adlcp:scormType: an asset (and it says so).
    expect(m.resources[0]?.scormType).to.equal('asset');
  });

  it('ComplexNestedOrganization: two organizations, a deep tree, clusters not launched', async () => {
    const m = parseManifest(await loadManifest('emp-synthetic-ComplexNestedOrganization_SCORM12.xml'));
    expect(m.organizations.map((o) => o.identifier)).to.deep.equal(['default_org', 'alternate_org']);
    const topic = findItem(m.defaultOrganization.items, 'topic_1_1_1_1');
    expect(topic.launchUrl).to.equal('content/topic1_1_1_1.html');
    const module1 = findItem(m.defaultOrganization.items, 'module_1');
    expect(module1.children.map((c) => c.identifier)).to.deep.equal(['chapter_1_1', 'chapter_1_2']);
    expect(module1.launchUrl).to.equal(undefined);
    expect(
      m.warnings.filter((w) => w.code === 'identifierref-on-cluster').map((w) => w.element),
    ).to.have.members([
      'item[identifier=module_1]',
      'item[identifier=chapter_1_1]',
      'item[identifier=section_1_1_1]',
      'item[identifier=module_2]',
      'item[identifier=chapter_2_1]',
    ]);
    expect(m.organizations[1]?.items[0]?.launchUrl).to.equal('content/alt1.html');
  });

  it('ContentPackagingNoSchemaVersion: 2004 from the namespaces, with a warning', async () => {
    const m = parseManifest(
      await loadManifest('emp-synthetic-ContentPackagingNoSchemaVersion_SCORM20042ndEdition.xml'),
    );
    expect(m.version).to.equal('2004-2nd');
    expect(m.schemaVersion).to.equal(undefined);
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['schemaversion-missing']);
    expect(m.resources[0]?.scormType).to.equal('sco');
  });

  it('ContentPackagingWithMetadata: datafromlms and isvisible; the absent metadata file is a warning', async () => {
    const bytes = await loadManifest('emp-synthetic-ContentPackagingWithMetadata_SCORM12.xml');
    const m = parseManifest(bytes, { readFile: () => undefined });
    expect(m.version).to.equal('1.2');
    expect(m.defaultOrganization.items[0]?.dataFromLms).to.equal('RANDOM');
    expect(m.defaultOrganization.items[0]?.isVisible).to.equal(true);
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['metadata-unreadable']);
    expect(m.warnings[0]?.message).to.contain('metadata.xml');
  });

  it('InvalidFileReferences: parses, and every absent file is a warning when files are checked', async () => {
    const bytes = await loadManifest('emp-synthetic-InvalidFileReferences_SCORM12.xml');
    expect(parseManifest(bytes).warnings).to.deep.equal([]);
    const m = parseManifest(bytes, { fileExists: () => false });
    const missing = m.warnings.filter((w) => w.code === 'file-missing').map((w) => w.message);
    expect(missing).to.have.length(4);
    expect(missing.join('\n'))
      .to.contain('content/nonexistent.js')
      .and.contain('content/nonexistent_asset.html');
    const launch = m.warnings.filter((w) => w.code === 'launch-file-missing');
    expect(launch).to.have.length(1);
    expect(launch[0]?.message).to.contain('content/nonexistent.html');
  });

  it('LaunchUrlFromNestedItem: leaves deep in clusters get their launch URLs', async () => {
    const m = parseManifest(await loadManifest('emp-synthetic-LaunchUrlFromNestedItem_SCORM12.xml'));
    expect(leaves(m.defaultOrganization.items).map((i) => [i.identifier, i.launchUrl])).to.deep.equal([
      ['topic_1_1_1_1', 'content/topic1.html'],
      ['section_2_1_1', 'content/section2.html'],
    ]);
    expect(m.warnings).to.deep.equal([]);
  });

  it('MinimalValid and MultipleItemsWithIdentifierRef: plain valid manifests', async () => {
    const minimal = parseManifest(await loadManifest('emp-synthetic-MinimalValid_SCORM20043rdEdition.xml'));
    expect(minimal.version).to.equal('2004-3rd');
    expect(minimal.defaultOrganization.items[0]?.launchUrl).to.equal('index.html');
    const multiple = parseManifest(
      await loadManifest('emp-synthetic-MultipleItemsWithIdentifierRef_SCORM12.xml'),
    );
    expect(multiple.defaultOrganization.items.map((i) => i.launchUrl)).to.deep.equal([
      'content/item1.html',
      'content/item2.html',
      'content/item3.html',
    ]);
  });

  it('PrerequisitesTest: the 1.2 extensions', async () => {
    const m = parseManifest(await loadManifest('emp-synthetic-PrerequisitesTest_SCORM12.xml'));
    const [m1, m2, m3, m4] = m.defaultOrganization.items;
    expect(m1).to.include({ masteryScore: 80, maxTimeAllowed: '02:30:00' });
    expect(m1?.prerequisites, 'an empty prerequisites element').to.equal(undefined);
    expect(m2).to.include({ prerequisites: 'module1', dataFromLms: 'custom_data_for_module2' });
    expect(m3).to.include({ prerequisites: 'module1 AND module2', timeLimitAction: 'exit,message' });
    expect(m4).to.include({ prerequisites: '(module1 AND module2) OR module3', masteryScore: 90 });
    expect(m.defaultOrganization.structure).to.equal('hierarchical');
  });

  it('cam12-mixed: schemaversion "CAM 1.2" wins over the 2004 namespaces', async () => {
    const m = parseManifest(await loadManifest('hyperf-synthetic-cam12-mixed.xml'));
    expect(m.version).to.equal('1.2');
    const [first] = m.defaultOrganization.items;
    expect(first).to.include({
      masteryScore: 0.8,
      maxTimeAllowed: '00:30:00',
      timeLimitAction: 'exit,message',
      prerequisites: 'item_2',
    });
    expect(m.resources[1]?.files).to.deep.equal(['sco2/index.html', 'sco2/quiz.html', 'sco2/results.js']);
  });
});

describe('parseManifest checks on the golf sequencing packages', () => {
  it('the golf sequencing packages share their global objectives on purpose: no warnings', async () => {
    for (const name of packages.filter((p) => p.startsWith('golf-Sequencing'))) {
      const m = await loadPackage(name);
      expect(m.warnings, name).to.deep.equal([]);
    }
  });
});
