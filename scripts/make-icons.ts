/**
 * Draws the tray icons for every TrayState kind and the app icon, and writes them to assets/:
 *   assets/tray/tray-<kind>Template.png / @2x   macOS template images (black + alpha), 16 and 32 px
 *   assets/tray/tray-<kind>.png / @2x           coloured, for Linux panels, 32 and 64 px
 *   assets/tray/tray-<kind>.ico                 Windows, PNG-compressed entries 16–256 px
 *   assets/icon.png (1024 px), assets/icon.ico  the application icon for electron-builder
 * No image library: shapes are sampled 4×4 per pixel and encoded with node:zlib. The output is
 * deterministic and committed; run `node scripts/make-icons.ts` after changing a shape.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Kind = 'idle' | 'changes-unseen' | 'needs-you' | 'key-problem' | 'offline' | 'paused';
export const KINDS: readonly Kind[] = ['idle', 'changes-unseen', 'needs-you', 'key-problem', 'offline', 'paused'];

type Rgb = readonly [number, number, number];
/** Readable on light and dark panels; each state its own hue, as CatLight and Gitify do. */
const KIND_COLOURS: Record<Kind, Rgb> = {
  idle: [0x3f, 0xa0, 0x7f],
  'changes-unseen': [0x2f, 0x80, 0xed],
  'needs-you': [0xf2, 0x84, 0x1c],
  'key-problem': [0xe0, 0x3e, 0x3e],
  offline: [0x8a, 0x90, 0x99],
  paused: [0xd9, 0xa4, 0x06],
};

// ── shapes in a unit square (0..1, y down) ───────────────────────────────────────────────────────
type Shape = (x: number, y: number) => boolean;
const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= r + width / 2 && d >= r - width / 2;
  };
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** A line segment with round ends. */
const capsule =
  (ax: number, ay: number, bx: number, by: number, width: number): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
  };

interface Glyph {
  add: Shape[];
  /** Cut out of what was added (transparent), for marks inside filled shapes and gaps. */
  cut: Shape[];
}

const C = 0.5;
const R = 0.34;
const STROKE = 0.13;
const base = ring(C, C, R, STROKE);

const GLYPHS: Record<Kind, Glyph> = {
  // A ring: watching, nothing new.
  idle: { add: [base], cut: [] },
  // A ring with a dot: something changed that you have not seen.
  'changes-unseen': { add: [base, disc(C, C, 0.15)], cut: [] },
  // A solid disc with "!": a task waits for you.
  'needs-you': {
    add: [disc(C, C, R + STROKE / 2)],
    cut: [capsule(C, 0.27, C, 0.56, 0.13), disc(C, 0.73, 0.075)],
  },
  // A ring with a cross: the key is missing or refused.
  'key-problem': { add: [base, capsule(0.38, 0.38, 0.62, 0.62, 0.11), capsule(0.62, 0.38, 0.38, 0.62, 0.11)], cut: [] },
  // A ring struck through: offline.
  offline: {
    add: [ring(C, C, R, STROKE * 0.8), capsule(0.16, 0.84, 0.84, 0.16, 0.11)],
    cut: [],
  },
  // A ring with two bars: notifications paused.
  paused: { add: [base, rect(0.38, 0.36, 0.46, 0.64), rect(0.54, 0.36, 0.62, 0.64)], cut: [] },
};

/** Coverage 0..1 of each pixel, sampled 4×4. */
function rasterize(glyph: Glyph, size: number, inset = 0): Float64Array {
  const out = new Float64Array(size * size);
  const n = 4;
  const span = 1 - 2 * inset;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / size - inset) / span;
          const y = ((py + (sy + 0.5) / n) / size - inset) / span;
          const inside = glyph.add.some((s) => s(x, y)) && !glyph.cut.some((s) => s(x, y));
          if (inside) hits++;
        }
      }
      out[py * size + px] = hits / (n * n);
    }
  }
  return out;
}

// ── PNG and ICO ──────────────────────────────────────────────────────────────────────────────────
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** 8-bit RGBA, no interlace, filter 0 on every row. */
function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose entries are PNG images (supported since Windows Vista). */
function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

function paint(coverage: Float64Array, size: number, rgb: Rgb): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    out[i * 4] = rgb[0];
    out[i * 4 + 1] = rgb[1];
    out[i * 4 + 2] = rgb[2];
    out[i * 4 + 3] = Math.round((coverage[i] as number) * 255);
  }
  return out;
}

function trayPng(kind: Kind, size: number, template: boolean): Buffer {
  const coverage = rasterize(GLYPHS[kind], size, 0.02);
  return encodePng(size, size, paint(coverage, size, template ? [0, 0, 0] : KIND_COLOURS[kind]));
}

/** The app icon: the idle ring in white on a rounded teal square. */
function appIconPng(size: number): Buffer {
  const square: Shape = (x, y) => {
    const r = 0.2;
    const cx = Math.min(Math.max(x, r + 0.04), 1 - r - 0.04);
    const cy = Math.min(Math.max(y, r + 0.04), 1 - r - 0.04);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const back = rasterize({ add: [square], cut: [] }, size);
  const mark = rasterize({ add: [ring(C, C, 0.25, 0.09), disc(C, C, 0.1)], cut: [] }, size);
  const out = new Uint8Array(size * size * 4);
  const teal: Rgb = [0x1f, 0x7a, 0x6c];
  for (let i = 0; i < size * size; i++) {
    const m = mark[i] as number;
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round((teal[c] as number) * (1 - m) + 255 * m);
    out[i * 4 + 3] = Math.round((back[i] as number) * 255);
  }
  return encodePng(size, size, out);
}

const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 256];

export function writeIcons(assetsDir: string): string[] {
  const trayDir = path.join(assetsDir, 'tray');
  mkdirSync(trayDir, { recursive: true });
  const written: string[] = [];
  const write = (file: string, data: Buffer): void => {
    writeFileSync(file, data);
    written.push(path.relative(assetsDir, file));
  };
  for (const kind of KINDS) {
    write(path.join(trayDir, `tray-${kind}Template.png`), trayPng(kind, 16, true));
    write(path.join(trayDir, `tray-${kind}Template@2x.png`), trayPng(kind, 32, true));
    write(path.join(trayDir, `tray-${kind}.png`), trayPng(kind, 32, false));
    write(path.join(trayDir, `tray-${kind}@2x.png`), trayPng(kind, 64, false));
    write(path.join(trayDir, `tray-${kind}.ico`), encodeIco(ICO_SIZES.map((size) => ({ size, png: trayPng(kind, size, false) }))));
  }
  write(path.join(assetsDir, 'icon.png'), appIconPng(1024));
  write(path.join(assetsDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: appIconPng(size) }))));
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets');
  const files = writeIcons(assets);
  console.log(`wrote ${files.length} icon files to ${assets}`);
}
