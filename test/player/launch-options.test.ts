import { expect } from '@open-wc/testing';
import { launchValues } from '../../src/player/launch-options.js';
import { item, manifest } from '../sequencing/manifest-builder.js';
import type { SequencingDefinition } from '../../src/package/types.js';

describe('launchValues', () => {
  it('1.2: datafromlms, masteryscore, maxtimeallowed, timelimitaction', () => {
    const m = manifest('1.2', [
      {
        id: 'a',
        extra: {
          dataFromLms: 'd=1',
          masteryScore: 80,
          maxTimeAllowed: '00:30:00',
          timeLimitAction: 'exit,message',
        },
      },
    ]);
    expect(launchValues(m, m.defaultOrganization.items[0]!)).to.deep.equal({
      launchData: 'd=1',
      maxTimeAllowed: '00:30:00',
      timeLimitAction: 'exit,message',
      masteryScore: 80,
    });
  });

  it('2004: scaled passing score, objective ids, completion threshold by edition, data maps', () => {
    const spec = {
      id: 'a',
      extra: {
        completionThreshold: { completedByMeasure: false, minProgressMeasure: 0.8, progressWeight: 1 },
        dataMaps: [{ targetID: 'shared', readSharedData: true, writeSharedData: false }],
      },
      seq: (s: SequencingDefinition) => {
        s.objectives.primary = {
          objectiveID: 'p',
          satisfiedByMeasure: true,
          minNormalizedMeasure: 0.6,
          mapInfo: [],
        };
        s.objectives.secondary = [
          { objectiveID: 'o2', satisfiedByMeasure: false, minNormalizedMeasure: 1, mapInfo: [] },
        ];
      },
    };
    const third = manifest('2004-3rd', [spec]);
    const v3 = launchValues(third, third.defaultOrganization.items[0]!);
    expect(v3).to.deep.include({
      scaledPassingScore: 0.6,
      completionThreshold: 0.8,
      objectiveIds: ['p', 'o2'],
    });
    expect(v3.dataMaps).to.deep.equal([{ targetID: 'shared', readSharedData: true, writeSharedData: false }]);
    expect(v3.masteryScore).to.equal(undefined);
    // 4th edition: the threshold applies only with completedByMeasure.
    const fourth = manifest('2004-4th', [spec]);
    expect(launchValues(fourth, fourth.defaultOrganization.items[0]!).completionThreshold).to.equal(
      undefined,
    );
    const byMeasure = item({
      id: 'b',
      extra: {
        completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.5, progressWeight: 1 },
      },
    });
    expect(launchValues(fourth, byMeasure).completionThreshold).to.equal(0.5);
  });
});
