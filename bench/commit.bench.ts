// Long sessions stay cheap (issue 12): a 2004 SCO with 1 000 and with 10 000 interactions commits after each
// new one, in Chromium, through the real runtime (Scorm2004Api, its onCommit and AttemptState) into
// IndexedDB. Ours is IdbProgressStore, which writes the attempt record and only the chunks of its data that
// changed (src/storage/attempt-chunks.ts); beside it, today's way before this change: the whole attempt
// record put in one transaction on every Commit. Each figure is the median, over 25 Commits, of the time
// from calling Commit to the write being durable (transaction complete, durability 'strict'), and of the
// store's part alone (from onCommit receiving the state to durable): the rest is the runtime building the
// AttemptState, which shares every record the Commit did not change with the state before it
// (src/runtime/value-table.ts) instead of copying the whole data model.
// The same with content isolation: the state crosses the content host's MessagePort (only its changed
// records, record-changes.ts) before the store writes it; beside it, the whole state crossing on every Commit.
// Budgets: ≤ 5 ms with 1 000 interactions, ≤ 20 ms with 10 000 (directly and through the content host).
import type { Browser } from 'playwright-core';
import { bundleSource } from './lib/bundle.js';
import { launchChromium } from './lib/chromium.js';
import { serveBenchPage } from './lib/bench-page.js';
import type { Bench, BenchFigure } from './lib/types.js';

const pageSource = `
import { deleteDB } from 'idb';
import { Scorm2004Api } from './src/runtime/index.ts';
import { openPlayerDb } from './src/storage/db.ts';
import { IdbProgressStore } from './src/storage/progress-idb.ts';
import { RecordReceiver, RecordSender } from './src/content-host/record-changes.ts';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Commits of a session with \\\`count\\\` interactions, each after one more; \\\`save\\\` writes one state. */
async function commits(count, save, rounds) {
  let pending, handed;
  const api = new Scorm2004Api({ learnerId: 'u1', learnerName: 'Bench', onCommit: (state) => { handed = performance.now(); pending = save(state); } });
  api.Initialize('');
  let n = 0;
  const add = () => {
    api.SetValue('cmi.interactions.' + n + '.id', 'q' + n);
    api.SetValue('cmi.interactions.' + n + '.type', 'choice');
    api.SetValue('cmi.interactions.' + n + '.learner_response', 'a');
    api.SetValue('cmi.interactions.' + n + '.result', n % 3 ? 'correct' : 'incorrect');
    n++;
  };
  while (n < count) add();
  api.Commit('');
  await pending;
  const times = [];
  const saves = [];
  for (let r = 0; r < rounds; r++) {
    add();
    api.SetValue('cmi.location', 'page ' + r);
    const t0 = performance.now();
    if (api.Commit('') !== 'true') throw new Error('Commit failed');
    await pending;
    const t1 = performance.now();
    times.push(t1 - t0);
    saves.push(t1 - handed);
  }
  return { commit: median(times), save: median(saves) };
}

const record = (state) => ({ courseKey: 'pkg:bench', learnerId: 'u1', itemId: 'sco', state, updatedAt: new Date().toISOString() });

/**
 * A save through the content host's channel (a MessagePort, as protocol.ts): the state crosses it, with only
 * its changed records when "delta" (record-changes.ts), whole otherwise, then the store writes it.
 */
function throughChannel(store, delta) {
  const { port1, port2 } = new MessageChannel();
  const sender = new RecordSender();
  const receiver = new RecordReceiver();
  let settle;
  port2.onmessage = (event) => {
    const { state, records } = event.data;
    settle(store.save({ attempt: record(delta ? receiver.unpack(state, records) : state) }));
  };
  return (state) =>
    new Promise((resolve, reject) => {
      settle = (p) => p.then(resolve, reject);
      port1.postMessage(delta ? sender.pack(state) : { state });
    });
}

window.bench = {
  async hosted(count, rounds, delta) {
    const name = 'bench-commit-hosted-' + count + '-' + delta;
    await deleteDB(name);
    const store = new IdbProgressStore(name);
    try {
      return await commits(count, throughChannel(store, delta), rounds);
    } finally {
      await store.close();
      await deleteDB(name);
    }
  },
  async ours(count, rounds) {
    const name = 'bench-commit-ours-' + count;
    await deleteDB(name);
    const store = new IdbProgressStore(name);
    try {
      return await commits(count, (state) => store.save({ attempt: record(state) }), rounds);
    } finally {
      await store.close();
      await deleteDB(name);
    }
  },
  async today(count, rounds) {
    const name = 'bench-commit-today-' + count;
    await deleteDB(name);
    const db = await openPlayerDb(name);
    try {
      return await commits(count, async (state) => {
        const tx = db.transaction(['attempts'], 'readwrite', { durability: 'strict' });
        await Promise.all([tx.objectStore('attempts').put(record(state)), tx.done]);
      }, rounds);
    } finally {
      db.close();
      await deleteDB(name);
    }
  },
};
`;

const rounds = 25;

const bench: Bench = async () => {
  const page = await bundleSource(pageSource);
  const server = await serveBenchPage({ '/page.js': page });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/`);
    await tab.waitForFunction(() => 'bench' in window);
    type BenchApi = {
      hosted(count: number, rounds: number, delta: boolean): Promise<{ commit: number; save: number }>;
      ours(count: number, rounds: number): Promise<{ commit: number; save: number }>;
      today(count: number, rounds: number): Promise<{ commit: number; save: number }>;
    };
    const run = (which: 'ours' | 'today', count: number) =>
      tab.evaluate(([w, c, r]) => (window as unknown as { bench: BenchApi }).bench[w](c, r), [
        which,
        count,
        rounds,
      ] as const);
    const figures: BenchFigure[] = [];
    for (const [count, max] of [
      [1000, 5],
      [10_000, 20],
    ] as const) {
      const ours = await run('ours', count);
      const today = await run('today', count);
      figures.push({
        name: `commit: Commit to durable with ${count.toLocaleString('en')} interactions, median of ${rounds}`,
        value: ours.commit,
        unit: 'ms',
        baseline: today.commit,
        baselineName: 'whole attempt record per Commit',
        budget: { max },
      });
      // The part after the runtime has built the state (AttemptState, handed to onCommit): the store's own.
      figures.push({
        name: `commit: of which the store's save, from onCommit to durable (${count.toLocaleString('en')}; information)`,
        value: ours.save,
        unit: 'ms',
        baseline: today.save,
        baselineName: 'whole attempt record per Commit',
      });
    }
    // Through the content host (content isolation): the state crosses a MessagePort before the store saves
    // it. Ours sends the records that changed; beside it, the whole state on every Commit.
    const hosted = (count: number, delta: boolean) =>
      tab.evaluate(([c, r, d]) => (window as unknown as { bench: BenchApi }).bench.hosted(c, r, d), [
        count,
        rounds,
        delta,
      ] as const);
    const viaHost = await hosted(10_000, true);
    const wholeViaHost = await hosted(10_000, false);
    figures.push({
      name: `commit: through the content host's channel with 10,000 interactions, median of ${rounds}`,
      value: viaHost.commit,
      unit: 'ms',
      baseline: wholeViaHost.commit,
      baselineName: 'the whole state across the channel',
      budget: { max: 20 },
    });
    return figures;
  } finally {
    await browser?.close();
    await server.close();
  }
};

export default bench;
