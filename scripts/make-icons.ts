// Renders the app's PNG icons from public/icons/*.svg with Chromium (no image tools needed):
// `node --import tsx scripts/make-icons.ts`. The SVGs are the source; run this after changing them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../bench/lib/chromium.js';

const dir = join(import.meta.dirname, '..', 'public', 'icons');
const outputs: [svg: string, png: string, size: number][] = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
];
/** favicon.ico for clients that ask for /favicon.ico by name: PNG images inside an ICO directory. */
const favicon = [16, 32, 48];

/** An ICO file holding PNGs (allowed since Windows Vista; every browser reads it). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size % 256, at);
    header.writeUInt8(size % 256, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const browser = await launchChromium();
try {
  const render = async (svg: string, size: number): Promise<Buffer> => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const markup = readFileSync(join(dir, svg), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${markup}`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await page.close();
    return png;
  };
  for (const [svg, png, size] of outputs) {
    writeFileSync(join(dir, png), await render(svg, size));
    console.log(`${png} (${size}×${size})`);
  }
  const images = await Promise.all(favicon.map(async (size) => ({ size, png: await render('icon.svg', size) })));
  writeFileSync(join(dir, '..', 'favicon.ico'), ico(images));
  console.log(`favicon.ico (${favicon.join(', ')})`);
} finally {
  await browser.close();
}
