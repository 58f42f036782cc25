/**
 * Draws the add-in's icons (a table with a green header and a green check badge) and writes them as
 * real PNGs to assets/icon-<size>.png. No image library: shapes are sampled 4×4 per pixel for smooth
 * edges, and the PNG is assembled by hand (zlib for the pixel data, CRC-32 per chunk).
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";
import { crc32 } from "../src/core/crc32";

export const ICON_SIZES = [16, 32, 64, 80, 128];

type Rgba = [number, number, number, number];
type Shape = (x: number, y: number) => Rgba | null;

const hex = (h: string, a = 255): Rgba => [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), a];

const EXCEL_GREEN = hex("217346");
const BADGE_GREEN = hex("107C10");
const FRAME = hex("4A5561");
const GRID = hex("A7B1BC");
const WHITE = hex("FFFFFF");

const inRect = (x: number, y: number, l: number, t: number, r: number, b: number) => x >= l && x <= r && y >= t && y <= b;

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Painted back to front; coordinates are fractions of the icon's side.
const TABLE = { l: 0.06, t: 0.1, r: 0.86, b: 0.8 };
const BADGE = { cx: 0.7, cy: 0.7, r: 0.27 };
const CHECK: [number, number][] = [
  [0.575, 0.7],
  [0.665, 0.79],
  [0.835, 0.6],
];

const SHAPES: Shape[] = [
  (x, y) => (inRect(x, y, TABLE.l, TABLE.t, TABLE.r, TABLE.b) ? FRAME : null),
  (x, y) => (inRect(x, y, TABLE.l + 0.05, TABLE.t + 0.05, TABLE.r - 0.05, TABLE.b - 0.05) ? WHITE : null),
  (x, y) => (inRect(x, y, TABLE.l + 0.05, TABLE.t + 0.05, TABLE.r - 0.05, 0.3) ? EXCEL_GREEN : null),
  (x, y) => {
    if (!inRect(x, y, TABLE.l + 0.05, 0.3, TABLE.r - 0.05, TABLE.b - 0.05)) return null;
    const line = (v: number, at: number) => Math.abs(v - at) < 0.022;
    return line(x, 0.34) || line(x, 0.6) || line(y, 0.48) || line(y, 0.64) ? GRID : null;
  },
  (x, y) => (Math.hypot(x - BADGE.cx, y - BADGE.cy) <= BADGE.r + 0.045 ? WHITE : null),
  (x, y) => (Math.hypot(x - BADGE.cx, y - BADGE.cy) <= BADGE.r ? BADGE_GREEN : null),
  (x, y) => {
    for (let i = 0; i + 1 < CHECK.length; i++) {
      const [a, b] = [CHECK[i], CHECK[i + 1]];
      if (segmentDistance(x, y, a[0], a[1], b[0], b[1]) <= 0.04) return WHITE;
    }
    return null;
  },
];

export function render(size: number, samples = 4): Buffer {
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxx = 0; pxx < size; pxx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (pxx + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let c: Rgba | null = null;
          for (const shape of SHAPES) c = shape(x, y) ?? c;
          if (!c) continue;
          // Premultiplied sums, so transparent samples do not darken the edges.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + pxx) * 4;
      const n = samples * samples;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round(a / n);
    }
  }
  return px;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels → PNG (8-bit truecolour with alpha, no interlace, filter 0 on every row). */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${file}`);
  }
}
