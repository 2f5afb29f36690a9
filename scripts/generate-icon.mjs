#!/usr/bin/env node
/**
 * Draws the app icon, build/icon.png (512×512 RGBA): a blue tile with a white 3×3 grid
 * (网格) and one amber cell. No image library: pixels, zlib and the PNG chunk layout.
 * electron-builder derives the Windows .ico and the Linux icon sizes from it.
 * Usage: node scripts/generate-icon.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for smooth edges
const BLUE = [31, 78, 153];
const WHITE = [255, 255, 255];
const AMBER = [242, 169, 0];

function insideRoundedSquare(x, y, inset, radius) {
  const min = inset;
  const max = SIZE - inset;
  if (x < min || x > max || y < min || y > max) return false;
  const cx = Math.min(Math.max(x, min + radius), max - radius);
  const cy = Math.min(Math.max(y, min + radius), max - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour at a point, or null where the icon is transparent. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 16, 96)) return null;
  const gridMin = 112;
  const gridMax = SIZE - 112;
  const cell = (gridMax - gridMin) / 3;
  const half = 10;
  if (x >= gridMin - half && x <= gridMax + half && y >= gridMin - half && y <= gridMax + half) {
    for (let i = 0; i <= 3; i++) {
      const line = gridMin + i * cell;
      if (Math.abs(x - line) <= half || Math.abs(y - line) <= half) return WHITE;
    }
    // One cell lit: the case the command centre is looking at.
    if (x > gridMin + 2 * cell && x < gridMax && y > gridMin + cell && y < gridMin + 2 * cell)
      return AMBER;
  }
  return BLUE;
}

function render() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const rowStart = y * (SIZE * 4 + 1);
    rows[rowStart] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = rowStart + 1 + x * 4;
      if (a > 0) {
        rows[offset] = Math.round(r / a);
        rows[offset + 1] = Math.round(g / a);
        rows[offset + 2] = Math.round(b / a);
      }
      rows[offset + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(render(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
