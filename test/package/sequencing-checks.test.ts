// Bad sequencing data gets a warning from the package reader, naming the item (sequencing-checks.ts).
import { expect } from '@open-wc/testing';
import { parseManifest, type Manifest, type ManifestIssue } from '../../src/package/index.js';
import { manifest12, manifest2004 } from './manifest-fixtures.js';

const resources = ['a', 'b', 'c']
  .map((r) => `<resource identifier="r_${r}" type="webcontent" adlcp:scormType="sco" href="${r}.html"/>`)
  .join('');

/** A 2004 manifest with these items (resources r_a, r_b, r_c exist) and what follows </resources>. */
const parse = (items: string, tail = ''): Manifest => parseManifest(manifest2004({ items, resources, tail }));
const leaf = (id: string, sequencing = '') =>
  `<item identifier="${id}" identifierref="r_${id}"><title>${id}</title>${sequencing}</item>`;
const issues = (m: Manifest, code: string): ManifestIssue[] => m.warnings.filter((w) => w.code === code);
const objectives = (inner: string) =>
  `<imsss:sequencing><imsss:objectives>${inner}</imsss:objectives></imsss:sequencing>`;

describe('sequencing checks: rules name objectives the activity has', () => {
  const rule = (ref: string) => `<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions>
      <imsss:ruleCondition referencedObjective="${ref}" condition="satisfied"/></imsss:ruleConditions>
      <imsss:ruleAction action="disabled"/></imsss:preConditionRule></imsss:sequencingRules>`;

  it('a condition on an objective the item does not define is a warning naming item and objective', () => {
    const m = parse(
      leaf('a') +
        leaf(
          'b',
          `<imsss:sequencing>${rule('ghost')}<imsss:objectives><imsss:primaryObjective objectiveID="p"/>
          </imsss:objectives></imsss:sequencing>`,
        ),
    );
    const found = issues(m, 'rule-objective-unknown');
    expect(found.length).to.equal(1);
    expect(found[0]!.message).to.contain('"b"').and.contain('"ghost"');
    expect(found[0]!.element).to.equal('item[identifier=b]');
    expect(found[0]!.line).to.be.a('number');
  });

  it('conditions on the primary or a secondary objective, or on none, are fine', () => {
    const m = parse(
      leaf(
        'a',
        `<imsss:sequencing>${rule('p')}<imsss:objectives><imsss:primaryObjective objectiveID="p"/>
          <imsss:objective objectiveID="s"/></imsss:objectives></imsss:sequencing>`,
      ) +
        leaf(
          'b',
          `<imsss:sequencing>${rule('s').replace(' referencedObjective="s"', '')}</imsss:sequencing>`,
        ),
    );
    expect(m.warnings).to.deep.equal([]);
  });
});

describe('sequencing checks: objectives and maps', () => {
  it('a mapInfo with an empty targetObjectiveID leads nowhere', () => {
    const m = parse(
      leaf(
        'a',
        objectives(
          `<imsss:primaryObjective objectiveID="p"><imsss:mapInfo targetObjectiveID=""/></imsss:primaryObjective>`,
        ),
      ),
    );
    const found = issues(m, 'objective-map-nowhere');
    expect(found.length).to.equal(1);
    expect(found[0]!.message).to.contain('"a"').and.contain('empty targetObjectiveID');
  });

  it('a mapInfo without targetObjectiveID is refused by the reader', () => {
    const m = parse(
      leaf(
        'a',
        objectives(`<imsss:primaryObjective objectiveID="p"><imsss:mapInfo/></imsss:primaryObjective>`),
      ),
    );
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['invalid-value']);
  });

  it('a second map of one objective to the same target is a warning', () => {
    const m = parse(
      leaf(
        'b',
        objectives(`<imsss:primaryObjective objectiveID="p"><imsss:mapInfo targetObjectiveID="g"/>
          <imsss:mapInfo targetObjectiveID="g"/></imsss:primaryObjective>`),
      ),
    );
    const found = issues(m, 'objective-map-nowhere').map((w) => w.message);
    expect(found).to.deep.equal(['item "b": the objective "p" maps to "g" more than once']);
  });

  it('one objectiveID twice in one item is a warning', () => {
    const m = parse(
      leaf('a', objectives(`<imsss:primaryObjective objectiveID="x"/><imsss:objective objectiveID="x"/>`)),
    );
    expect(issues(m, 'objective-id-duplicate').map((w) => w.element)).to.deep.equal(['item[identifier=a]']);
  });
});

describe('sequencing checks: one writer per global objective', () => {
  const writer = (id: string, flags: string, target = 'g') =>
    leaf(
      id,
      objectives(`<imsss:primaryObjective objectiveID="p_${id}"><imsss:mapInfo targetObjectiveID="${target}" ${flags}/>
        </imsss:primaryObjective>`),
    );

  const blind = 'readSatisfiedStatus="false" readNormalizedMeasure="false"';

  it('two items writing the satisfied status of one global objective without reading it', () => {
    const m = parse(
      writer('a', `writeSatisfiedStatus="true" ${blind}`) +
        writer('b', `writeSatisfiedStatus="true" ${blind}`),
    );
    const found = issues(m, 'global-objective-writers');
    expect(found.length).to.equal(1);
    expect(found[0]!.message).to.contain('"g"').and.contain('satisfied status').and.contain('"a", "b"');
    expect(found[0]!.element).to.equal('item[identifier=b]');
  });

  it('writers that also read the global share it on purpose (the golf pre-test and post-test)', () => {
    const m = parse(writer('a', 'writeSatisfiedStatus="true"') + writer('b', 'writeSatisfiedStatus="true"'));
    expect(issues(m, 'global-objective-writers')).to.deep.equal([]);
    const half = parse(
      writer('a', 'writeSatisfiedStatus="true"') + writer('b', `writeSatisfiedStatus="true" ${blind}`),
    );
    expect(issues(half, 'global-objective-writers').length).to.equal(1);
  });

  it('writers sharing one sequencingCollection definition are interchangeable (the golf random test)', () => {
    const shared = `<imsss:sequencingCollection><imsss:sequencing ID="test">
      <imsss:objectives><imsss:primaryObjective objectiveID="p"><imsss:mapInfo targetObjectiveID="g" ${blind}
        writeNormalizedMeasure="true"/></imsss:primaryObjective></imsss:objectives></imsss:sequencing></imsss:sequencingCollection>`;
    const use = '<imsss:sequencing IDRef="test"/>';
    const m = parse(leaf('a', use) + leaf('b', use) + leaf('c', use), shared);
    expect(m.warnings).to.deep.equal([]);
  });

  it('each aspect counts on its own: one writes satisfaction, the other measure', () => {
    const m = parse(
      writer('a', 'writeSatisfiedStatus="true"') + writer('b', 'writeNormalizedMeasure="true"'),
    );
    expect(issues(m, 'global-objective-writers')).to.deep.equal([]);
  });

  it('readers and writers of different targets are fine', () => {
    const m = parse(
      writer('a', 'writeSatisfiedStatus="true"') +
        writer('b', `writeSatisfiedStatus="true" ${blind}`, 'h') +
        writer('c', 'readSatisfiedStatus="true"'),
    );
    expect(m.warnings).to.deep.equal([]);
  });

  it('4th edition writes through adlseq:mapInfo count too', () => {
    const adl = (id: string) =>
      leaf(
        id,
        `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="p"/></imsss:objectives>
        <adlseq:objectives><adlseq:objective objectiveID="p"><adlseq:mapInfo targetObjectiveID="g" readCompletionStatus="false" writeCompletionStatus="true"/>
        </adlseq:objective></adlseq:objectives></imsss:sequencing>`,
      );
    const found = issues(parse(adl('a') + adl('c')), 'global-objective-writers');
    expect(found.map((w) => w.message)).to.have.length(1);
    expect(found[0]!.message).to.contain('completion status');
  });
});

describe('sequencing checks: the sequencingCollection', () => {
  const entry = (id: string, idRef?: string) =>
    `<imsss:sequencing ID="${id}"${idRef ? ` IDRef="${idRef}"` : ''}><imsss:controlMode flow="true"/></imsss:sequencing>`;
  const collection = (...entries: string[]) =>
    `<imsss:sequencingCollection>${entries.join('')}</imsss:sequencingCollection>`;
  const user = leaf('a', '<imsss:sequencing IDRef="one"/>');

  it('a cycle of IDRefs is one warning listing it', () => {
    const m = parse(user, collection(entry('one', 'two'), entry('two', 'three'), entry('three', 'one')));
    const found = issues(m, 'sequencing-collection-invalid');
    expect(found.length).to.equal(1);
    expect(found[0]!.message).to.contain('"one" → "two" → "three" → "one"').and.contain('cycle');
    // The item still gets the definition it names.
    expect(m.defaultOrganization.items[0]!.sequencing?.controlMode.flow).to.equal(true);
  });

  it('an entry referring to itself is a cycle', () => {
    const m = parse(user, collection(entry('one', 'one')));
    expect(issues(m, 'sequencing-collection-invalid')[0]?.message).to.contain('"one" → "one"');
  });

  it('an entry based on another is ignored with a warning; one naming nothing is a missing IDRef', () => {
    const m = parse(user, collection(entry('one', 'two'), entry('two'), entry('three', 'nowhere')));
    expect(issues(m, 'sequencing-collection-invalid').map((w) => w.message)).to.have.length(1);
    expect(issues(m, 'sequencing-collection-invalid')[0]!.message).to.contain('"one" refers to "two"');
    const missing = issues(m, 'sequencing-idref-missing');
    expect(missing.map((w) => w.message)).to.have.length(1);
    expect(missing[0]!.message).to.contain('"three"').and.contain('"nowhere"');
  });

  it('two entries with one ID', () => {
    const m = parse(user, collection(entry('one'), entry('one')));
    expect(issues(m, 'sequencing-collection-invalid')[0]?.message).to.contain(
      'two definitions with ID "one"',
    );
  });

  it("an item IDRef naming no entry stays the reader's warning", () => {
    const m = parse(leaf('a', '<imsss:sequencing IDRef="nope"/>'), collection(entry('one')));
    expect(m.warnings.map((w) => w.code)).to.deep.equal(['sequencing-idref-missing']);
  });
});

describe('sequencing checks: counts', () => {
  const cluster = (sequencing: string, n: number) =>
    `<item identifier="m"><title>M</title>${['a', 'b', 'c']
      .slice(0, n)
      .map((id) => leaf(id))
      .join('')}${sequencing}</item>`;

  it('selectCount above the number of children', () => {
    const m = parse(
      cluster(
        '<imsss:sequencing><imsss:randomizationControls selectionTiming="once" selectCount="5"/></imsss:sequencing>',
        3,
      ),
    );
    const found = issues(m, 'select-count-exceeds-children');
    expect(found.map((w) => w.message)).to.deep.equal([
      'item "m" selects 5 children but has 3; all of them are used',
    ]);
  });

  it('selectCount with selectionTiming never, or within the children, is fine', () => {
    const never = parse(
      cluster('<imsss:sequencing><imsss:randomizationControls selectCount="5"/></imsss:sequencing>', 3),
    );
    const fits = parse(
      cluster(
        '<imsss:sequencing><imsss:randomizationControls selectionTiming="onEachNewAttempt" selectCount="3"/></imsss:sequencing>',
        3,
      ),
    );
    expect([...never.warnings, ...fits.warnings]).to.deep.equal([]);
  });

  it('an atLeastCount rollup rule over more children than there are', () => {
    const m = parse(
      cluster(
        `<imsss:sequencing><imsss:rollupRules><imsss:rollupRule childActivitySet="atLeastCount" minimumCount="3">
          <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
          <imsss:rollupAction action="satisfied"/></imsss:rollupRule></imsss:rollupRules></imsss:sequencing>`,
        2,
      ),
    );
    expect(issues(m, 'rollup-count-unreachable')[0]?.message).to.contain('"m"').and.contain('3 of 2');
  });

  it('an attempt limit of 0, which allows no attempt', () => {
    const m = parse(
      cluster('<imsss:sequencing><imsss:limitConditions attemptLimit="0"/></imsss:sequencing>', 2),
    );
    expect(issues(m, 'attempt-limit-zero')[0]?.message).to.contain('"m"').and.contain('never');
    const one = parse(
      cluster('<imsss:sequencing><imsss:limitConditions attemptLimit="1"/></imsss:sequencing>', 2),
    );
    expect(one.warnings).to.deep.equal([]);
  });
});

describe('sequencing checks: SCORM 1.2 and the corpus', () => {
  it('SCORM 1.2 manifests have no sequencing to check', () => {
    expect(parseManifest(manifest12()).warnings).to.deep.equal([]);
  });

  it('the fixture sequencing courses share their global objectives on purpose: no warnings', async () => {
    for (const name of [
      'seq-forced-sequential',
      'seq-post-test-rollup-4th',
      'seq-pre-post-test',
      'seq-random-test',
      'seq-remediation',
      'seq-hidden-disabled',
      'seq-global-objectives',
    ]) {
      const m = parseManifest(await (await fetch(`/test/fixtures/${name}/imsmanifest.xml`)).text());
      expect(m.warnings, name).to.deep.equal([]);
    }
  });
});
