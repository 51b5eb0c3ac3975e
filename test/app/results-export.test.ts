import { expect } from '@open-wc/testing';
import type { CourseResult } from '../../src/app/results-data.js';
import { resultsToCsv, resultsToJson, UTF8_BOM } from '../../src/app/results-export.js';

const result: CourseResult = {
  course: {
    courseKey: 'pkg:org.demo',
    learnerId: 'u1',
    learnerName: 'Doe, Jane',
    title: 'Tea, "the basics"',
    courseVersion: { url: 'pkg:p1', manifestHash: 'abc' },
    completionStatus: 'completed',
    successStatus: 'passed',
    scoreScaled: 0.75,
    totalSeconds: 90,
    suspended: false,
    ended: true,
    startedAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:01:30.000Z',
  },
  items: [
    {
      itemId: 'sco-quiz',
      title: 'Quiz',
      completion: 'completed',
      success: 'passed',
      scoreScaled: 0.75,
      scoreRaw: 3,
      scoreMin: 0,
      scoreMax: 4,
      totalSeconds: 60,
      location: '',
      updatedAt: '2026-01-01T10:01:30.000Z',
      interactions: [
        {
          id: 'q1',
          type: 'choice',
          description: 'Pick one',
          learnerResponse: 'a,b',
          correctResponses: ['a', 'b'],
          result: 'correct',
          timestamp: '2026-01-01T10:00:10',
          weighting: '1',
          latency: '',
        },
      ],
    },
  ],
};

describe('results export', () => {
  it('writes RFC 4180 CSV: a course row, an item row and an interaction row, quoted where needed', () => {
    const lines = resultsToCsv([result]).slice(UTF8_BOM.length).trimEnd().split('\r\n');
    expect(lines).to.have.length(4);
    expect(lines[0]!.split(',')[0]).to.equal('kind');
    expect(lines[1]).to.match(/^course,"Tea, ""the basics""",pkg:org\.demo,u1,"Doe, Jane",/);
    expect(lines[2]).to.contain('item,');
    expect(lines[2]).to.contain(',sco-quiz,Quiz,completed,passed,0.75,3,0,4,60,');
    expect(lines[3]).to.contain(',q1,choice,"a,b",a | b,correct,');
  });

  it('starts with a UTF-8 byte order mark, so a spreadsheet reads accented names right', async () => {
    const named = { ...result, course: { ...result.course, learnerName: 'Zoë Brontë' } };
    const bytes = new Uint8Array(await new Blob([resultsToCsv([named])]).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.contain('Zoë Brontë');
  });

  it('neutralises cells a spreadsheet would run as formulas (OWASP): a quote before, the whole cell quoted', () => {
    const hostile = {
      course: { ...result.course, learnerId: '=HYPERLINK("x")', learnerName: '@SUM(A1)' },
      items: [
        {
          ...result.items[0]!,
          title: '+1',
          interactions: [
            { ...result.items[0]!.interactions[0]!, id: '-2+3', learnerResponse: '\tcmd', result: '\r=1' },
          ],
        },
      ],
    };
    const lines = resultsToCsv([hostile]).slice(UTF8_BOM.length).trimEnd().split('\r\n');
    expect(lines[1]).to.contain(`,"'=HYPERLINK(""x"")","'@SUM(A1)",`);
    expect(lines[2]).to.contain(`,"'+1",`);
    expect(lines[3]).to.contain(`,"'-2+3",`);
    expect(lines[3]).to.contain(`,"'\tcmd",`);
    expect(lines.join('\r\n')).to.contain(`,"'\r=1",`);
    // A real negative number stays a number; text merely containing '=' further in is left alone.
    const numeric = { ...result, course: { ...result.course, scoreScaled: -0.5, title: 'a=b' } };
    expect(resultsToCsv([numeric])).to.contain(',a=b,');
    expect(resultsToCsv([numeric])).to.contain(',-0.5,');
  });

  it('writes JSON that reads back to the same results', () => {
    const parsed = JSON.parse(resultsToJson([result], new Date('2026-02-02T00:00:00Z')));
    expect(parsed.exportedAt).to.equal('2026-02-02T00:00:00.000Z');
    expect(parsed.results).to.deep.equal([result]);
  });
});
