#!/usr/bin/env node
// Draws Équilibre's icons (three pillars on a balance beam, navy square) as PNGs at 16, 32, 64 and 80 px.
// Pure Node (zlib), so a fresh machine can redraw them: `node scripts/make-icons.mjs`.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const NAVY = [31, 56, 100, 255];
const GOLD = [244, 177, 62, 255];
const WHITE = [255, 255, 255, 255];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling for smooth edges.
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const c = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          for (let i = 0; i < 4; i++) acc[i] += c[i] * (i < 3 ? c[3] / 255 : 1);
        }
      const a = acc[3] / 16;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(acc[0] / 16 / (a / 255)) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / 16 / (a / 255)) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / 16 / (a / 255)) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const inRoundedSquare = (x, y, r) => {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
};

function icon(x, y) {
  if (!inRoundedSquare(x, y, 0.18)) return [0, 0, 0, 0];
  // Balance beam.
  if (y > 0.25 && y < 0.31 && x > 0.14 && x < 0.86) return GOLD;
  // Three pillars of different heights: human, financial, alliances.
  const pillars = [
    [0.2, 0.34, 0.52],
    [0.43, 0.57, 0.38],
    [0.66, 0.8, 0.6],
  ];
  for (const [x0, x1, top] of pillars) if (x > x0 && x < x1 && y > top && y < 0.8) return WHITE;
  if (y >= 0.8 && y < 0.85 && x > 0.14 && x < 0.86) return GOLD;
  return NAVY;
}

mkdirSync(new URL("../assets/", import.meta.url), { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size, icon));
console.log("assets/icon-{16,32,64,80}.png written");
