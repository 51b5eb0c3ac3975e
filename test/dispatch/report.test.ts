import { expect } from '@open-wc/testing';
import { sendReport, type AttemptSummary } from '../../src/dispatch/report.js';

const summary = (event: 'commit' | 'exit'): AttemptSummary => ({
  token: 'tok1',
  userId: 'u1',
  event,
  course: { url: 'https://p.example.com/c/imsmanifest.xml', manifestHash: 'abc' },
  completion: 'completed',
  success: 'passed',
  scoreScaled: 0.9,
  sessionSeconds: 12,
  totalSeconds: 40,
  at: '2026-06-01T00:00:00.000Z',
});

describe('sendReport', () => {
  it('POSTs each commit as JSON with keepalive', async () => {
    const calls: [string, RequestInit][] = [];
    const ok = await sendReport('https://r.example.com/scorm', summary('commit'), {
      fetch: (async (url: string, init: RequestInit) => {
        calls.push([url, init]);
        return new Response(null, { status: 204 });
      }) as typeof fetch,
      sendBeacon: () => {
        throw new Error('commits do not use the beacon');
      },
    });
    expect(ok).to.equal(true);
    expect(calls.length).to.equal(1);
    const [url, init] = calls[0]!;
    expect(url).to.equal('https://r.example.com/scorm');
    expect(init).to.include({ method: 'POST', keepalive: true, credentials: 'omit' });
    expect((init.headers as Record<string, string>)['Content-Type']).to.equal('application/json');
    expect(JSON.parse(init.body as string)).to.deep.equal(summary('commit'));
  });

  it('sends the exit by beacon, and by keepalive fetch when the beacon is refused', async () => {
    const beacons: Blob[] = [];
    let fetched = 0;
    const transport = {
      fetch: (async () => {
        fetched++;
        return new Response(null, { status: 200 });
      }) as unknown as typeof fetch,
      sendBeacon: (_url: string, data: Blob) => {
        beacons.push(data);
        return true;
      },
    };
    expect(await sendReport('https://r.example.com/scorm', summary('exit'), transport)).to.equal(true);
    expect(fetched).to.equal(0);
    expect(beacons[0]!.type).to.equal('text/plain;charset=utf-8');
    expect(JSON.parse(await beacons[0]!.text())).to.deep.equal(summary('exit'));
    transport.sendBeacon = () => false;
    expect(await sendReport('https://r.example.com/scorm', summary('exit'), transport)).to.equal(true);
    expect(fetched).to.equal(1);
  });

  it('never throws: a network failure or an error status resolves to false', async () => {
    expect(await sendReport('http://127.0.0.1:9/x', summary('commit'))).to.equal(false);
    const status500 = { fetch: (async () => new Response(null, { status: 500 })) as unknown as typeof fetch };
    expect(await sendReport('https://r.example.com/scorm', summary('commit'), status500)).to.equal(false);
  });
});
