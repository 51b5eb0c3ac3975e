// Hostile zips against the package reader (issue 12), in Node, beside today's trusting way of reading them:
// - the 261 KB shared-stream bomb (24 directory records over one deflate stream of ~41 MB of zeros): ours
//   refuses it from the directory; a reader that trusts the directory (fflate's inflateSync into a buffer of
//   the declared size, as src/package/zip.ts did before) inflates the stream once per record.
//   Budget: refused in < 100 ms.
// - an entry declaring 1 000 bytes whose stream inflates to 256 MiB: ours stops soon after the declared
//   size; the trusting reader inflates all of it.
// - the same entry read by readZipEntryChunks, the importer's reader, which inflates natively where the
//   platform can (here Node's zlib through DecompressionStream): the native inflater too must be stopped soon
//   after the declared size. Budget: refused in < 100 ms.
// - an honest 24 MB package (text and random data, deflated): what checking every CRC-32 and bounding the
//   inflater costs beside fflate's unzipSync, which checks neither. Budget: ≤ 2× fflate.
import { inflateSync, unzipSync, zipSync, type Zippable } from 'fflate';
import { readZipDirectory, readZipEntryChunks, unzipPackage } from '../src/package/index.js';
import { readDataOffsets } from '../src/package/zip-offsets.js';
import { overInflatingZip, sharedStreamBomb } from '../test/package/hostile-zips.js';
import { median } from './lib/stats.js';
import type { Bench, BenchFigure } from './lib/types.js';

/** Today's trusting reader: each record's data inflated into a buffer of its declared size, no other check. */
function trustingRead(zip: Uint8Array): number {
  let bytes = 0;
  const sizes: { size: number; compressed: number }[] = [];
  unzipSync(zip, {
    filter(info) {
      sizes.push({ size: info.originalSize, compressed: info.size });
      return false;
    },
  });
  readDataOffsets(zip).forEach((location, i) => {
    const { size, compressed } = sizes[i] as { size: number; compressed: number };
    const raw = zip.subarray(location.dataOffset, location.dataOffset + compressed);
    bytes += inflateSync(raw, { out: new Uint8Array(size) }).length;
  });
  return bytes;
}

async function refusalMs(zip: Uint8Array, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    let refused = false;
    await unzipPackage(zip).catch(() => (refused = true));
    times.push(performance.now() - start);
    if (!refused) throw new Error('a hostile zip was accepted');
  }
  return median(times);
}

function timeOnce(op: () => unknown): number {
  const start = performance.now();
  op();
  return performance.now() - start;
}

function honestPackage(): Uint8Array {
  const words = ['golf', 'swing', 'par', 'birdie', 'eagle', 'bogey', 'green', 'tee', 'fairway', 'putt'];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const zippable: Zippable = {
    'imsmanifest.xml': new TextEncoder().encode('<manifest identifier="bench"/>'),
  };
  for (let f = 0; f < 8; f++) {
    let text = '';
    while (text.length < 2_000_000) text += words[next() % words.length] + (next() % 9 ? ' ' : '\n');
    zippable[`text/page${f}.html`] = new TextEncoder().encode(text);
    // Incompressible, like course media zipped with deflate anyway.
    const media = new Uint8Array(1_000_000);
    for (let i = 0; i < media.length; i += 65536) crypto.getRandomValues(media.subarray(i, i + 65536));
    zippable[`media/clip${f}.bin`] = media;
  }
  return zipSync(zippable, { level: 6 });
}

const bench: Bench = async () => {
  const figures: BenchFigure[] = [];

  const bomb = sharedStreamBomb();
  readZipDirectory(overInflatingZip(1_000_000), {}); // warm up the reader
  const bombMs = await refusalMs(bomb, 9);
  figures.push({
    name: `zip: ${Math.round(bomb.length / 1000)} KB shared-stream bomb refused`,
    value: bombMs,
    unit: 'ms',
    baseline: timeOnce(() => trustingRead(bomb)),
    baselineName: 'trusting reader (inflates every record)',
    budget: { max: 100 },
  });

  const over = overInflatingZip(256 * 1024 * 1024);
  figures.push({
    name: 'zip: entry declaring 1 000 bytes that inflates to 256 MiB, refused',
    value: await refusalMs(over, 9),
    unit: 'ms',
    baseline: timeOnce(() => trustingRead(over)),
    baselineName: 'trusting reader (inflates it all)',
    budget: { max: 100 },
  });

  const overEntry = readZipDirectory(over).entries.find((e) => e.path === 'index.html');
  if (!overEntry) throw new Error('no index.html in the over-inflating zip');
  const nativeTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    let refused = false;
    await readZipEntryChunks(over, overEntry).catch(() => (refused = true));
    nativeTimes.push(performance.now() - start);
    if (!refused) throw new Error('the over-inflating entry was accepted');
  }
  figures.push({
    name: 'zip: the same entry read by the native reader (readZipEntryChunks), refused',
    value: median(nativeTimes),
    unit: 'ms',
    budget: { max: 100 },
  });

  const honest = honestPackage();
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await unzipPackage(honest);
    ours.push(performance.now() - start);
    peer.push(timeOnce(() => unzipSync(honest)));
  }
  figures.push({
    name: `zip: honest ${Math.round(honest.length / 1e6)} MB package read with every size and CRC-32 checked`,
    value: median(ours),
    unit: 'ms',
    baseline: median(peer),
    baselineName: 'fflate unzipSync (no checks)',
    budget: { maxRatio: 2 },
  });
  return figures;
};

export default bench;
