// parseManifest on synthetic manifests: one rule per test (CAM 3, SN/CAM 5, scorm-reference D and E).
import { expect } from '@open-wc/testing';
import { ManifestError, parseManifest, type Item, type Manifest } from '../../src/package/index.js';
import { manifest12, manifest2004, NS_12 } from './manifest-fixtures.js';

function parseError(xml: string | Uint8Array): ManifestError {
  try {
    parseManifest(xml);
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('parseManifest accepted the manifest');
}

const codes = (m: Manifest): string[] => m.warnings.map((w) => w.code);
const first = (m: Manifest): Item => m.defaultOrganization.items[0] as Item;

describe('parseManifest: namespaces are matched by URI, not prefix', () => {
  it('reads content packaging, adlcp and imsss elements under any prefixes', () => {
    const xml = `<?xml version="1.0"?>
<cp:manifest identifier="m" xmlns:cp="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:x="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:seq="http://www.imsglobal.org/xsd/imsss"
    xmlns:nav="http://www.adlnet.org/xsd/adlnav_v1p3">
  <cp:metadata><cp:schema>ADL SCORM</cp:schema><cp:schemaversion>2004 3rd Edition</cp:schemaversion></cp:metadata>
  <cp:organizations default="o"><cp:organization identifier="o"><cp:title>Prefixed</cp:title>
    <cp:item identifier="i" identifierref="r"><cp:title>Item</cp:title>
      <x:dataFromLMS>hello</x:dataFromLMS>
      <nav:presentation><nav:navigationInterface><nav:hideLMSUI>exit</nav:hideLMSUI></nav:navigationInterface></nav:presentation>
      <seq:sequencing><seq:controlMode flow="true"/></seq:sequencing>
    </cp:item></cp:organization></cp:organizations>
  <cp:resources><cp:resource identifier="r" type="webcontent" x:scormType="sco" href="a.html"/></cp:resources>
</cp:manifest>`;
    const m = parseManifest(xml);
    expect(m.version).to.equal('2004-3rd');
    expect(m.title).to.equal('Prefixed');
    expect(first(m)).to.include({ dataFromLms: 'hello', launchUrl: 'a.html' });
    expect(first(m).hideLmsUi).to.deep.equal(['exit']);
    expect(first(m).sequencing?.controlMode.flow).to.equal(true);
    expect(m.resources[0]?.scormType).to.equal('sco');
    expect(m.warnings).to.deep.equal([]);
  });

  it('honours declarations made on inner elements, and redeclared default namespaces', () => {
    const xml = manifest2004({
      items: `<item identifier="i1" identifierref="r1"><title>One</title>
        <s:sequencing xmlns:s="http://www.imsglobal.org/xsd/imsss"><s:deliveryControls tracked="false"/></s:sequencing>
        <metadata><lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title><string>Not this</string></title>
          <description><string>Inline description</string></description></general></lom></metadata>
      </item>`,
    });
    const item = first(parseManifest(xml));
    expect(item.sequencing?.deliveryControls.tracked).to.equal(false);
    expect(item.description).to.equal('Inline description');
    expect(item.title).to.equal('One');
  });

  it('ignores a familiar prefix bound to a foreign namespace', () => {
    const xml = manifest12({
      items: `<item identifier="i1" identifierref="r1"><title>One</title>
        <adlcp:masteryscore xmlns:adlcp="http://example.com/not-adl">50</adlcp:masteryscore>
        <adl:masteryscore xmlns:adl="http://www.adlnet.org/xsd/adlcp_rootv1p2">70</adl:masteryscore></item>`,
    });
    expect(first(parseManifest(xml)).masteryScore).to.equal(70);
  });

  it('accepts namespace URIs written with a trailing slash or another case', () => {
    const xml = manifest12({
      namespaces:
        'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2/" xmlns:adlcp="http://www.ADLnet.org/xsd/adlcp_rootv1p2"',
      items:
        '<item identifier="i1" identifierref="r1"><title>One</title><adlcp:masteryscore>55</adlcp:masteryscore></item>',
    });
    const m = parseManifest(xml);
    expect(first(m).masteryScore).to.equal(55);
    expect(m.resources[0]?.scormType).to.equal('sco');
    // Without schemaversion, the slash-ended namespace still tells SCORM 1.2.
    const bare = parseManifest(
      xml.replace(/<schemaversion>.*<\/schemaversion>/, '').replace(/scormtype/g, 'scormType'),
    );
    expect(bare.version).to.equal('1.2');
  });

  it('reads an undeclared adlcp: prefix by its usual meaning, with a warning', () => {
    const xml = `<manifest identifier="m"><organizations default="o"><organization identifier="o"><title>T</title>
      <item identifier="i" identifierref="r"><title>I</title><adlcp:masteryscore>60</adlcp:masteryscore></item>
      </organization></organizations><resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a.html"/></resources></manifest>`;
    const m = parseManifest(xml);
    expect(first(m).masteryScore).to.equal(60);
    expect(m.resources[0]?.scormType).to.equal('sco');
    expect(codes(m)).to.include('namespace-undeclared');
    expect(m.version).to.equal('1.2'); // from the attribute spelling
  });
});

describe('parseManifest: version detection', () => {
  const cases: [string, string][] = [
    ['1.2', '1.2'],
    ['CAM 1.3', '2004-2nd'],
    ['2004 3rd Edition', '2004-3rd'],
    ['2004 4th Edition', '2004-4th'],
  ];
  for (const [schemaversion, version] of cases) {
    it(`schemaversion "${schemaversion}" is ${version}`, () => {
      expect(parseManifest(manifest2004({ schemaversion })).version).to.equal(version);
    });
  }

  it('schemaversion wins over the namespaces', () => {
    expect(
      parseManifest(manifest2004({ namespaces: NS_12, schemaversion: '2004 3rd Edition' })).version,
    ).to.equal('2004-3rd');
  });

  it('without schemaversion, the namespaces decide (1.2 and 2004)', () => {
    const m12 = parseManifest(manifest12({ schemaversion: null }));
    expect(m12.version).to.equal('1.2');
    expect(codes(m12)).to.deep.equal(['schemaversion-missing']);
    expect(parseManifest(manifest2004({ schemaversion: null })).version).to.equal('2004-2nd');
  });

  it('without schemaversion, 4th-edition elements make it the 4th edition', () => {
    const xml = manifest2004({
      schemaversion: null,
      items: `<item identifier="i1" identifierref="r1"><title>One</title>
        <adlcp:data><adlcp:map targetID="notes"/></adlcp:data></item>`,
    });
    expect(parseManifest(xml).version).to.equal('2004-4th');
  });

  it('an unknown schemaversion falls back to the namespaces and says so', () => {
    const m = parseManifest(manifest2004({ schemaversion: 'CAM 9' }));
    expect(m.version).to.equal('2004-2nd');
    expect(m.schemaVersion).to.equal('CAM 9');
    expect(codes(m)).to.deep.equal(['schemaversion-unknown']);
  });

  it('with neither schemaversion nor namespaces, the attribute spelling decides', () => {
    const bare = (attribute: string): string =>
      `<manifest identifier="m"><organizations default="o"><organization identifier="o"><title>T</title>
      <item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
      <resources><resource identifier="r" type="webcontent" adlcp:${attribute}="sco" href="a.html"/></resources></manifest>`;
    expect(parseManifest(bare('scormtype')).version).to.equal('1.2');
    expect(parseManifest(bare('scormType')).version).to.equal('2004-2nd');
  });
});

describe('parseManifest: xml:base and launch URLs', () => {
  const withBases = (manifestBase: string, resourcesBase: string, resourceBase: string): Manifest =>
    parseManifest(
      manifest2004({
        rootAttrs: manifestBase ? `xml:base="${manifestBase}"` : '',
        resourcesAttrs: resourcesBase ? `xml:base="${resourcesBase}"` : '',
        resources: `<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="sco/index.html" ${
          resourceBase ? `xml:base="${resourceBase}"` : ''
        }><file href="sco/index.html"/><file href="../shared/x.js"/></resource>`,
      }),
    );

  it('applies manifest, resources and resource bases in order', () => {
    const m = withBases('course/', 'content/', 'unit1/');
    expect(m.base).to.equal('course/');
    expect(m.resources[0]?.base).to.equal('course/content/unit1/');
    expect(m.resources[0]?.href).to.equal('sco/index.html');
    expect(m.resources[0]?.resolvedHref).to.equal('course/content/unit1/sco/index.html');
    expect(m.resources[0]?.files).to.deep.equal([
      'course/content/unit1/sco/index.html',
      'course/content/shared/x.js',
    ]);
    expect(first(m).launchUrl).to.equal('course/content/unit1/sco/index.html');
  });

  it('works with any subset of the three bases, and adds a missing trailing slash', () => {
    expect(withBases('', 'content', '').resources[0]?.resolvedHref).to.equal('content/sco/index.html');
    expect(withBases('course/', '', 'unit1/').resources[0]?.resolvedHref).to.equal(
      'course/unit1/sco/index.html',
    );
    expect(withBases('', '', '').resources[0]?.resolvedHref).to.equal('sco/index.html');
  });

  it('resolves against an absolute base (a CDN) with RFC 3986', () => {
    const m = withBases('https://cdn.example.com/courses/a/', 'content/', '../b/');
    expect(first(m).launchUrl).to.equal('https://cdn.example.com/courses/a/b/sco/index.html');
  });

  it('an absolute resource base replaces the outer ones', () => {
    const m = withBases('course/', '', 'https://media.example.com/x/');
    expect(first(m).launchUrl).to.equal('https://media.example.com/x/sco/index.html');
  });

  it('joins parameters with ?, & and # per the CAM', () => {
    const launch = (href: string, parameters: string): string | undefined =>
      first(
        parseManifest(
          manifest2004({
            items: `<item identifier="i1" identifierref="r1" parameters="${parameters}"><title>One</title></item>`,
            resources: `<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="${href}"/>`,
          }),
        ),
      ).launchUrl;
    expect(launch('a.html', '?x=1')).to.equal('a.html?x=1');
    expect(launch('a.html', 'x=1')).to.equal('a.html?x=1');
    expect(launch('a.html?y=2', '&amp;x=1')).to.equal('a.html?y=2&x=1');
    expect(launch('a.html?y=2', '?x=1')).to.equal('a.html?y=2&x=1');
    expect(launch('a.html', '#part2')).to.equal('a.html#part2');
    expect(launch('a.html?y=2', '#part2')).to.equal('a.html?y=2');
    expect(launch('a.html#top', '#part2')).to.equal('a.html#top');
    expect(launch('a.html#top', 'x=1')).to.equal('a.html?x=1#top');
  });

  it('warns about hrefs and bases that start with / or contain a backslash', () => {
    const m = parseManifest(
      manifest2004({
        resourcesAttrs: 'xml:base="/abs/"',
        resources: `<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="dir\\a.html"><file href="/x.js"/></resource>`,
      }),
    );
    expect(codes(m)).to.have.members(['xml-base-invalid', 'href-invalid', 'href-invalid']);
    expect(m.warnings.find((w) => w.code === 'xml-base-invalid')?.message).to.contain('"/abs/"');
  });
});

describe('parseManifest: SCORM 1.2 item extensions', () => {
  it('reads masteryscore, prerequisites, maxtimeallowed, timelimitaction, datafromlms', () => {
    const m = parseManifest(
      manifest12({
        items: `<item identifier="i1" identifierref="r1" isvisible="false"><title>One</title>
          <adlcp:masteryscore>85.5</adlcp:masteryscore>
          <adlcp:prerequisites type="aicc_script">a &amp; b</adlcp:prerequisites>
          <adlcp:maxtimeallowed>00:10:00</adlcp:maxtimeallowed>
          <adlcp:timelimitaction>continue,no message</adlcp:timelimitaction>
          <adlcp:datafromlms>key=value</adlcp:datafromlms></item>`,
      }),
    );
    expect(first(m)).to.include({
      isVisible: false,
      masteryScore: 85.5,
      prerequisites: 'a & b',
      maxTimeAllowed: '00:10:00',
      timeLimitAction: 'continue,no message',
      dataFromLms: 'key=value',
    });
    expect(m.warnings).to.deep.equal([]);
  });

  it('drops out-of-range or unknown values with a warning', () => {
    const m = parseManifest(
      manifest12({
        items: `<item identifier="i1" identifierref="r1" isvisible="maybe"><title>One</title>
          <adlcp:masteryscore>150</adlcp:masteryscore><adlcp:timelimitaction>stop</adlcp:timelimitaction>
          <adlcp:datafromlms>${'x'.repeat(256)}</adlcp:datafromlms></item>`,
      }),
    );
    expect(first(m).masteryScore).to.equal(undefined);
    expect(first(m).timeLimitAction).to.equal(undefined);
    expect(first(m).isVisible).to.equal(true);
    expect(codes(m)).to.have.members(['invalid-value', 'invalid-value', 'invalid-value', 'spm-exceeded']);
  });
});

describe('parseManifest: SCORM 2004 item extensions', () => {
  const item2004 = (inner: string): Item =>
    first(
      parseManifest(
        manifest2004({ items: `<item identifier="i1" identifierref="r1"><title>One</title>${inner}</item>` }),
      ),
    );

  it('completionThreshold as element text (3rd edition)', () => {
    expect(
      item2004('<adlcp:completionThreshold>0.6</adlcp:completionThreshold>').completionThreshold,
    ).to.deep.equal({
      completedByMeasure: true,
      minProgressMeasure: 0.6,
      progressWeight: 1,
    });
  });

  it('completionThreshold with attributes (4th edition) and their defaults', () => {
    expect(
      item2004(
        '<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.4" progressWeight="0.25"/>',
      ).completionThreshold,
    ).to.deep.equal({ completedByMeasure: true, minProgressMeasure: 0.4, progressWeight: 0.25 });
    expect(
      item2004('<adlcp:completionThreshold completedByMeasure="true"/>').completionThreshold,
    ).to.deep.equal({
      completedByMeasure: true,
      minProgressMeasure: 1,
      progressWeight: 1,
    });
    expect(item2004('<adlcp:completionThreshold progressWeight="0.5"/>').completionThreshold).to.deep.equal({
      completedByMeasure: false,
      minProgressMeasure: 1,
      progressWeight: 0.5,
    });
  });

  it('dataFromLMS, timeLimitAction, data maps with their defaults, hideLMSUI', () => {
    const item =
      item2004(`<adlcp:dataFromLMS>d</adlcp:dataFromLMS><adlcp:timeLimitAction>exit,no message</adlcp:timeLimitAction>
      <adlcp:data><adlcp:map targetID="a"/><adlcp:map targetID="b" readSharedData="false" writeSharedData="true"/></adlcp:data>
      <adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
      <adlnav:hideLMSUI>abandonAll</adlnav:hideLMSUI><adlnav:hideLMSUI>previous</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>`);
    expect(item).to.include({ dataFromLms: 'd', timeLimitAction: 'exit,no message' });
    expect(item.dataMaps).to.deep.equal([
      { targetID: 'a', readSharedData: true, writeSharedData: false },
      { targetID: 'b', readSharedData: false, writeSharedData: true },
    ]);
    expect(item.hideLmsUi).to.deep.equal(['previous', 'abandonAll']);
  });

  it('maxTimeAllowed comes from attemptAbsoluteDurationLimit', () => {
    const item = item2004(
      '<imsss:sequencing><imsss:limitConditions attemptAbsoluteDurationLimit="PT1H"/></imsss:sequencing>',
    );
    expect(item.maxTimeAllowed).to.equal('PT1H');
  });

  it('an invalid threshold or hideLMSUI value is a warning', () => {
    const m = parseManifest(
      manifest2004({
        items: `<item identifier="i1" identifierref="r1"><title>One</title>
          <adlcp:completionThreshold minProgressMeasure="1.5"/>
          <adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>jump</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation></item>`,
      }),
    );
    expect(first(m).completionThreshold?.minProgressMeasure).to.equal(1);
    expect(first(m).hideLmsUi).to.deep.equal([]);
    expect(codes(m)).to.deep.equal(['invalid-value', 'invalid-value']);
  });
});

describe('parseManifest: sequencing', () => {
  const seqOf = (sequencing: string, tail = ''): Item =>
    first(
      parseManifest(
        manifest2004({
          items: `<item identifier="i1" identifierref="r1"><title>One</title>${sequencing}</item>`,
          tail,
        }),
      ),
    );

  it('an empty imsss:sequencing gets every XSD default', () => {
    expect(seqOf('<imsss:sequencing/>').sequencing).to.deep.equal({
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
    });
    expect(seqOf('').sequencing).to.equal(undefined);
  });

  it('reads every element of a full definition', () => {
    const s = seqOf(`<imsss:sequencing>
      <imsss:controlMode choice="false" choiceExit="false" flow="true" forwardOnly="true"
        useCurrentAttemptObjectiveInfo="false" useCurrentAttemptProgressInfo="0"/>
      <imsss:sequencingRules>
        <imsss:preConditionRule><imsss:ruleConditions>
          <imsss:ruleCondition condition="objectiveMeasureGreaterThan" measureThreshold="0.5" referencedObjective="o2"/>
          <imsss:ruleCondition condition="attempted" operator="not"/></imsss:ruleConditions>
          <imsss:ruleAction action="skip"/></imsss:preConditionRule>
        <imsss:exitConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="completed"/></imsss:ruleConditions>
          <imsss:ruleAction action="exit"/></imsss:exitConditionRule>
        <imsss:postConditionRule><imsss:ruleConditions conditionCombination="any"><imsss:ruleCondition condition="always"/>
          </imsss:ruleConditions><imsss:ruleAction action="retryAll"/></imsss:postConditionRule>
      </imsss:sequencingRules>
      <imsss:limitConditions attemptLimit="3" attemptExperiencedDurationLimit="PT5M" beginTimeLimit="2030-01-01T00:00:00"/>
      <imsss:rollupRules rollupObjectiveSatisfied="false" rollupProgressCompletion="false" objectiveMeasureWeight="0.5">
        <imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.75">
          <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/>
          <imsss:rollupCondition condition="attempted" operator="not"/></imsss:rollupConditions>
          <imsss:rollupAction action="notSatisfied"/></imsss:rollupRule>
        <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="2">
          <imsss:rollupConditions conditionCombination="all"><imsss:rollupCondition condition="completed"/></imsss:rollupConditions>
          <imsss:rollupAction action="completed"/></imsss:rollupRule>
      </imsss:rollupRules>
      <imsss:objectives>
        <imsss:primaryObjective objectiveID="o1" satisfiedByMeasure="true">
          <imsss:minNormalizedMeasure>-0.5</imsss:minNormalizedMeasure>
          <imsss:mapInfo targetObjectiveID="g1" readNormalizedMeasure="false" writeSatisfiedStatus="true"/>
        </imsss:primaryObjective>
        <imsss:objective objectiveID="o2"/>
      </imsss:objectives>
      <imsss:randomizationControls randomizationTiming="once" selectCount="2" reorderChildren="true" selectionTiming="onEachNewAttempt"/>
      <imsss:deliveryControls tracked="false" completionSetByContent="true" objectiveSetByContent="true"/>
      <adlseq:constrainedChoiceConsiderations preventActivation="true" constrainChoice="true"/>
      <adlseq:rollupConsiderations requiredForSatisfied="ifAttempted" requiredForNotSatisfied="ifNotSkipped"
        requiredForCompleted="ifNotSuspended" requiredForIncomplete="ifAttempted" measureSatisfactionIfActive="false"/>
      <adlseq:objectives><adlseq:objective objectiveID="o1">
        <adlseq:mapInfo targetObjectiveID="g1" writeRawScore="true" readMaxScore="false"/>
        <adlseq:mapInfo targetObjectiveID="g2" writeCompletionStatus="true"/></adlseq:objective></adlseq:objectives>
    </imsss:sequencing>`).sequencing;
    expect(s?.controlMode).to.deep.equal({
      choice: false,
      choiceExit: false,
      flow: true,
      forwardOnly: true,
      useCurrentAttemptObjectiveInfo: false,
      useCurrentAttemptProgressInfo: false,
    });
    expect(s?.sequencingRules.preConditionRules).to.deep.equal([
      {
        conditionCombination: 'all',
        action: 'skip',
        conditions: [
          {
            condition: 'objectiveMeasureGreaterThan',
            operator: 'noOp',
            measureThreshold: 0.5,
            referencedObjective: 'o2',
          },
          { condition: 'attempted', operator: 'not', measureThreshold: 0 },
        ],
      },
    ]);
    expect(s?.sequencingRules.exitConditionRules[0]?.action).to.equal('exit');
    expect(s?.sequencingRules.postConditionRules[0]).to.deep.include({
      action: 'retryAll',
      conditionCombination: 'any',
    });
    expect(s?.limitConditions).to.deep.equal({
      attemptLimit: 3,
      attemptExperiencedDurationLimit: 'PT5M',
      beginTimeLimit: '2030-01-01T00:00:00',
    });
    expect(s?.rollupRules).to.deep.equal({
      rollupObjectiveSatisfied: false,
      rollupProgressCompletion: false,
      objectiveMeasureWeight: 0.5,
      rules: [
        {
          childActivitySet: 'atLeastPercent',
          minimumCount: 0,
          minimumPercent: 0.75,
          conditionCombination: 'any',
          conditions: [
            { condition: 'satisfied', operator: 'noOp' },
            { condition: 'attempted', operator: 'not' },
          ],
          action: 'notSatisfied',
        },
        {
          childActivitySet: 'atLeastCount',
          minimumCount: 2,
          minimumPercent: 0,
          conditionCombination: 'all',
          conditions: [{ condition: 'completed', operator: 'noOp' }],
          action: 'completed',
        },
      ],
    });
    const primary = s?.objectives.primary;
    expect(primary).to.include({ objectiveID: 'o1', satisfiedByMeasure: true, minNormalizedMeasure: -0.5 });
    expect(primary?.mapInfo).to.deep.equal([
      {
        targetObjectiveID: 'g1',
        readSatisfiedStatus: true,
        readNormalizedMeasure: false,
        writeSatisfiedStatus: true,
        writeNormalizedMeasure: false,
        readRawScore: true,
        readMinScore: true,
        readMaxScore: false,
        readCompletionStatus: true,
        readProgressMeasure: true,
        writeRawScore: true,
        writeMinScore: false,
        writeMaxScore: false,
        writeCompletionStatus: false,
        writeProgressMeasure: false,
      },
      {
        targetObjectiveID: 'g2',
        readSatisfiedStatus: false,
        readNormalizedMeasure: false,
        writeSatisfiedStatus: false,
        writeNormalizedMeasure: false,
        readRawScore: true,
        readMinScore: true,
        readMaxScore: true,
        readCompletionStatus: true,
        readProgressMeasure: true,
        writeRawScore: false,
        writeMinScore: false,
        writeMaxScore: false,
        writeCompletionStatus: true,
        writeProgressMeasure: false,
      },
    ]);
    expect(s?.objectives.secondary).to.deep.equal([
      { objectiveID: 'o2', satisfiedByMeasure: false, minNormalizedMeasure: 1, mapInfo: [] },
    ]);
    expect(s?.randomizationControls).to.deep.equal({
      randomizationTiming: 'once',
      selectCount: 2,
      reorderChildren: true,
      selectionTiming: 'onEachNewAttempt',
    });
    expect(s?.deliveryControls).to.deep.equal({
      tracked: false,
      completionSetByContent: true,
      objectiveSetByContent: true,
    });
    expect(s?.constrainedChoiceConsiderations).to.deep.equal({
      preventActivation: true,
      constrainChoice: true,
    });
    expect(s?.rollupConsiderations).to.deep.equal({
      requiredForSatisfied: 'ifAttempted',
      requiredForNotSatisfied: 'ifNotSkipped',
      requiredForCompleted: 'ifNotSuspended',
      requiredForIncomplete: 'ifAttempted',
      measureSatisfactionIfActive: false,
    });
  });

  const collection = `<imsss:sequencingCollection>
      <imsss:sequencing ID="shared">
        <imsss:controlMode choice="false" flow="true" forwardOnly="true"/>
        <imsss:sequencingRules><imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/>
          </imsss:ruleConditions><imsss:ruleAction action="continue"/></imsss:postConditionRule></imsss:sequencingRules>
        <imsss:deliveryControls completionSetByContent="true"/>
      </imsss:sequencing></imsss:sequencingCollection>`;

  it('resolves IDRef into the sequencingCollection; the local element overrides it', () => {
    const s = seqOf(
      `<imsss:sequencing IDRef="shared"><imsss:controlMode forwardOnly="false"/>
         <imsss:deliveryControls tracked="false"/></imsss:sequencing>`,
      collection,
    ).sequencing;
    expect(s?.idRef).to.equal('shared');
    // Attributes the local element sets win; the others come from the collection, then the defaults.
    expect(s?.controlMode).to.include({ choice: false, flow: true, forwardOnly: false, choiceExit: true });
    expect(s?.deliveryControls).to.deep.equal({
      tracked: false,
      completionSetByContent: true,
      objectiveSetByContent: false,
    });
    expect(s?.sequencingRules.postConditionRules.map((r) => r.action)).to.deep.equal(['continue']);
  });

  it('local rules of a kind replace the collection rules of that kind', () => {
    const s = seqOf(
      `<imsss:sequencing IDRef="shared"><imsss:sequencingRules><imsss:postConditionRule><imsss:ruleConditions>
        <imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="exitAll"/>
        </imsss:postConditionRule></imsss:sequencingRules></imsss:sequencing>`,
      collection,
    ).sequencing;
    expect(s?.sequencingRules.postConditionRules.map((r) => r.action)).to.deep.equal(['exitAll']);
  });

  it('an IDRef naming nothing is a warning; the local definition still applies', () => {
    const m = parseManifest(
      manifest2004({
        items: `<item identifier="i1" identifierref="r1"><title>One</title>
          <imsss:sequencing IDRef="nope"><imsss:controlMode flow="true"/></imsss:sequencing></item>`,
      }),
    );
    expect(codes(m)).to.deep.equal(['sequencing-idref-missing']);
    expect(first(m).sequencing?.controlMode.flow).to.equal(true);
  });

  it('an adlseq:objective that extends no imsss objective is a warning', () => {
    const m = parseManifest(
      manifest2004({
        items: `<item identifier="i1" identifierref="r1"><title>One</title><imsss:sequencing>
          <imsss:objectives><imsss:primaryObjective objectiveID="p"/></imsss:objectives>
          <adlseq:objectives><adlseq:objective objectiveID="ghost"><adlseq:mapInfo targetObjectiveID="g"/></adlseq:objective>
          </adlseq:objectives></imsss:sequencing></item>`,
      }),
    );
    expect(codes(m)).to.deep.equal(['adlseq-objective-unknown']);
    expect(m.warnings[0]?.message).to.contain('"ghost"');
    expect(first(m).sequencing?.objectives.primary?.mapInfo).to.deep.equal([]);
  });

  it('attemptLimit="0" is kept: no attempt is allowed (the reference implementation)', () => {
    const s = seqOf(
      '<imsss:sequencing><imsss:limitConditions attemptLimit="0"/></imsss:sequencing>',
    ).sequencing;
    expect(s?.limitConditions).to.deep.equal({ attemptLimit: 0 });
  });

  it('values outside the vocabulary keep the default, with a warning', () => {
    const m = parseManifest(
      manifest2004({
        items: `<item identifier="i1" identifierref="r1"><title>One</title><imsss:sequencing>
          <imsss:controlMode flow="yes"/><imsss:limitConditions attemptLimit="-1"/>
          <imsss:randomizationControls selectionTiming="sometimes"/></imsss:sequencing></item>`,
      }),
    );
    const s = first(m).sequencing;
    expect(s?.controlMode.flow).to.equal(false);
    expect(s?.limitConditions.attemptLimit).to.equal(undefined);
    expect(s?.randomizationControls.selectionTiming).to.equal('never');
    expect(codes(m)).to.deep.equal(['invalid-value', 'invalid-value', 'invalid-value']);
  });

  it('reads sequencing on the organization and its adlseq/adlcp attributes', () => {
    const m = parseManifest(
      manifest2004({
        orgAttrs: 'adlseq:objectivesGlobalToSystem="false" adlcp:sharedDataGlobalToSystem="false"',
        items: `<item identifier="i1" identifierref="r1"><title>One</title></item>
          <imsss:sequencing><imsss:controlMode flow="true" choice="false"/></imsss:sequencing>`,
      }),
    );
    const org = m.defaultOrganization;
    expect(org.objectivesGlobalToSystem).to.equal(false);
    expect(org.sharedDataGlobalToSystem).to.equal(false);
    expect(org.sequencing?.controlMode).to.include({ flow: true, choice: false });
  });
});

describe('parseManifest: fatal errors', () => {
  const cases: [string, string, string, string?][] = [
    [
      'no organization',
      manifest2004().replace(/<organizations[\s\S]*<\/organizations>/, '<organizations/>'),
      'no-organizations',
    ],
    [
      'no organizations element',
      manifest2004().replace(/<organizations[\s\S]*<\/organizations>/, ''),
      'no-organizations',
    ],
    [
      'an organization without items',
      manifest2004({ items: '' }),
      'empty-organization',
      'organization[identifier=org]',
    ],
    [
      'an item without identifier',
      manifest2004({ items: '<item identifierref="r1"><title>x</title></item>' }),
      'missing-identifier',
      'item',
    ],
    [
      'a resource without identifier',
      manifest2004({
        resources: '<resource type="webcontent" href="a.html"/>',
        items: '<item identifier="i"><title>x</title></item>',
      }),
      'missing-identifier',
      'resource',
    ],
    [
      'a manifest without identifier',
      manifest2004().replace('identifier="test.manifest"', ''),
      'missing-identifier',
      'manifest',
    ],
    [
      'two items with one identifier',
      manifest2004({
        items:
          '<item identifier="i" identifierref="r1"><title>a</title></item><item identifier="i" identifierref="r1"><title>b</title></item>',
      }),
      'duplicate-identifier',
      'item[identifier=i]',
    ],
    [
      'an item without title',
      manifest2004({ items: '<item identifier="i" identifierref="r1"/>' }),
      'missing-title',
      'item[identifier=i]',
    ],
    [
      'an unknown identifierref',
      manifest2004({ items: '<item identifier="i" identifierref="zz"><title>a</title></item>' }),
      'unknown-resource',
      'item[identifier=i]',
    ],
    ['a root that is not a manifest', '<?xml version="1.0"?><html><body/></html>', 'not-a-manifest'],
    [
      'a javascript: launch URL',
      manifest2004({
        resources:
          '<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="javascript:alert(document.domain)"/>',
      }),
      'unsafe-launch-url',
      'resource[identifier=r1]',
    ],
    ['a manifest in a foreign namespace', '<manifest xmlns="urn:other" identifier="m"/>', 'not-a-manifest'],
  ];
  for (const [what, xml, code, element] of cases) {
    it(`${what}: ${code}`, () => {
      const e = parseError(xml);
      expect(e).to.be.instanceOf(Error);
      expect(e.name).to.equal('ManifestError');
      expect(e.code).to.equal(code);
      if (element) expect(e.element).to.equal(element);
      expect(e.message.length).to.be.greaterThan(20);
    });
  }

  it('malformed XML names the line and column', () => {
    const e = parseError(
      '<?xml version="1.0"?>\n<manifest identifier="m">\n  <organizations>\n  </organization>\n</manifest>',
    );
    expect(e.code).to.equal('malformed-xml');
    expect(e.line).to.equal(4);
    expect(e.message).to.match(/line 4, column \d+/);
    expect(parseError('<manifest identifier="m" identifier="n"/>').code).to.equal('malformed-xml');
    expect(parseError('').code).to.equal('malformed-xml');
  });

  it('errors found after parsing carry the line of the element they name', () => {
    const xml = manifest2004({
      items:
        '<item identifier="i1" identifierref="r1"><title>One</title></item>\n<item identifier="i2" identifierref="nope"><title>Two</title></item>',
    });
    const e = parseError(xml);
    expect(e.code).to.equal('unknown-resource');
    expect(e.line).to.equal(xml.split('\n').findIndex((l) => l.includes('identifier="i2"')) + 1);
    expect(e.message).to.contain(`(line ${e.line})`);
    const noId = manifest2004({
      items:
        '<item identifier="i1" identifierref="r1"><title>One</title></item>\n<item><title>Two</title></item>',
    });
    expect(parseError(noId).line).to.equal(
      noId.split('\n').findIndex((l) => l.includes('<item><title>Two')) + 1,
    );
  });

  it('an item titled only in its metadata is accepted with a warning', () => {
    const m = parseManifest(
      manifest2004({
        namespaces: `${NS_12} xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"`,
        schemaversion: '1.2',
        items: `<item identifier="i" identifierref="r1"><metadata><imsmd:lom><imsmd:general><imsmd:title>
          <imsmd:langstring>From LOM</imsmd:langstring></imsmd:title></imsmd:general></imsmd:lom></metadata></item>`,
        resources: '<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html"/>',
      }),
    );
    expect(first(m).title).to.equal('From LOM');
    expect(codes(m)).to.deep.equal(['title-from-metadata']);
  });
});

describe('parseManifest: warnings', () => {
  it('no default attribute: the first organization, said so, with the line', () => {
    const xml = manifest2004().replace('<organizations default="org">', '<organizations>');
    const m = parseManifest(xml);
    expect(m.defaultOrganization.identifier).to.equal('org');
    expect(codes(m)).to.deep.equal(['default-organization-missing']);
    expect(m.warnings[0]?.line).to.equal(xml.split('\n').findIndex((l) => l.includes('<organizations>')) + 1);
  });

  it('SPM overruns: title, parameters', () => {
    const m = parseManifest(
      manifest2004({
        items: `<item identifier="i" identifierref="r1" parameters="?${'p'.repeat(1000)}"><title>${'t'.repeat(201)}</title></item>`,
      }),
    );
    expect(codes(m)).to.deep.equal(['spm-exceeded', 'spm-exceeded']);
    expect(first(m).title).to.have.length(201);
  });

  it('parameters without identifierref, identifierref on a cluster, unknown dependencies', () => {
    const m = parseManifest(
      manifest2004({
        items: `<item identifier="c" identifierref="r1"><title>Cluster</title>
          <item identifier="leaf" identifierref="r1"><title>Leaf</title></item>
          <item identifier="p" parameters="x=1"><title>P</title></item></item>`,
        resources:
          '<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="a.html"><dependency identifierref="ghost"/></resource>',
      }),
    );
    expect(codes(m)).to.have.members([
      'parameters-without-identifierref',
      'identifierref-on-cluster',
      'unknown-dependency',
    ]);
    expect(first(m).launchUrl).to.equal(undefined);
    expect(first(m).resource?.identifier).to.equal('r1');
    expect(first(m).children[0]?.launchUrl).to.equal('a.html');
  });

  it('checks files when fileExists is given', () => {
    const present = new Set(['index.html']);
    const m = parseManifest(
      manifest2004({
        resources: `<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="index.html?x=1">
          <file href="index.html"/><file href="img/a%20b.png"/><file href="https://cdn.example.com/x.js"/></resource>`,
      }),
      { fileExists: (p) => present.has(p) },
    );
    // The line is that of the resource element (line 15 of the fixture).
    expect(m.warnings.map((w) => [w.code, w.element, w.line])).to.deep.equal([
      ['file-missing', 'resource[identifier=r1]', 15],
    ]);
    expect(m.warnings[0]?.message).to.contain('img/a%20b.png');
  });
});

describe('parseManifest: sub-manifests', () => {
  const tail = `<manifest identifier="sub" xml:base="units/u1/">
      <organizations default="so"><organization identifier="so"><title>Sub</title>
        <item identifier="s1" identifierref="sr1"><title>Sub one</title></item>
        <item identifier="s2" identifierref="sr1" parameters="page=2"><title>Sub two</title></item>
      </organization></organizations>
      <resources><resource identifier="sr1" type="webcontent" adlcp:scormType="sco" href="start.html"/></resources>
    </manifest>`;

  it('parses sub-manifests with the same model, their xml:base inside the parent', () => {
    const m = parseManifest(manifest2004({ rootAttrs: 'xml:base="course/"', tail }));
    expect(m.subManifests).to.have.length(1);
    const sub = m.subManifests[0] as Manifest;
    expect(sub.identifier).to.equal('sub');
    expect(sub.version).to.equal(m.version);
    expect(sub.resources[0]?.resolvedHref).to.equal('course/units/u1/start.html');
    expect(sub.defaultOrganization.items.map((i) => i.launchUrl)).to.deep.equal([
      'course/units/u1/start.html',
      'course/units/u1/start.html?page=2',
    ]);
  });

  it('an item referencing a sub-manifest stands for its default organization', () => {
    const m = parseManifest(
      manifest2004({ items: '<item identifier="unit" identifierref="sub"><title>Unit</title></item>', tail }),
    );
    const unit = first(m);
    expect(unit.launchUrl).to.equal(undefined);
    expect(unit.children.map((c) => c.identifier)).to.deep.equal(['s1', 's2']);
  });

  it('a sub-manifest of resources only is allowed, with a warning', () => {
    const m = parseManifest(
      manifest2004({
        items: '<item identifier="x" identifierref="lib1"><title>X</title></item>',
        tail: `<manifest identifier="library"><organizations/><resources>
          <resource identifier="lib1" type="webcontent" adlcp:scormType="asset" href="lib/page.html"/></resources></manifest>`,
      }),
    );
    expect(first(m).launchUrl).to.equal('lib/page.html');
    expect(m.subManifests[0]?.defaultOrganization.items).to.deep.equal([]);
    expect(codes(m)).to.deep.equal(['sub-manifest-without-organization']);
  });

  it('an item may reference a resource inside a sub-manifest', () => {
    const m = parseManifest(
      manifest2004({
        items: '<item identifier="x" identifierref="sr1" parameters="#t"><title>X</title></item>',
        tail,
      }),
    );
    expect(first(m).launchUrl).to.equal('units/u1/start.html#t');
    expect(first(m).resource?.identifier).to.equal('sr1');
  });
});
