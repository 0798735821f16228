import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KINDS, writeIcons } from '../../../scripts/make-icons.ts';
import { TRAY_STATE_KINDS } from '../../../src-main/electron/trayIcon.ts';

const assets = path.resolve(import.meta.dirname, '../../../assets');

function decodePng(buffer: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

const png = (file: string) => decodePng(readFileSync(path.join(assets, file)));

describe('the committed icons', () => {
  it('cover the same states the tray knows', () => {
    expect([...KINDS].sort()).toEqual([...TRAY_STATE_KINDS].sort());
  });

  it('macOS template images are black + alpha at 16 and 32 px', () => {
    for (const kind of KINDS) {
      for (const [file, size] of [[`tray/tray-${kind}Template.png`, 16], [`tray/tray-${kind}Template@2x.png`, 32]] as const) {
        const { width, height, rgba } = png(file);
        expect([width, height], file).toEqual([size, size]);
        let opaque = 0;
        for (let i = 0; i < rgba.length; i += 4) {
          expect(rgba[i]! + rgba[i + 1]! + rgba[i + 2]!, file).toBe(0);
          if (rgba[i + 3]! > 0) opaque++;
        }
        expect(opaque, file).toBeGreaterThan(size);
      }
    }
  });

  it('Linux PNGs are coloured at 32 and 64 px, and states differ in colour', () => {
    const colours = new Set<string>();
    for (const kind of KINDS) {
      expect([png(`tray/tray-${kind}.png`).width, png(`tray/tray-${kind}@2x.png`).width]).toEqual([32, 64]);
      const { rgba } = png(`tray/tray-${kind}@2x.png`);
      const solid = rgba.findIndex((_, i) => i % 4 === 3 && rgba[i] === 255);
      colours.add(rgba.subarray(solid - 3, solid).toString('hex'));
    }
    expect(colours.size).toBe(KINDS.length);
  });

  it('Windows .ico files hold the sizes Windows scales between, as PNG entries', () => {
    for (const file of [...KINDS.map((k) => `tray/tray-${k}.ico`), 'icon.ico']) {
      const ico = readFileSync(path.join(assets, file));
      expect(ico.readUInt16LE(2), file).toBe(1);
      const count = ico.readUInt16LE(4);
      const sizes: number[] = [];
      for (let i = 0; i < count; i++) {
        const entry = 6 + i * 16;
        sizes.push(ico[entry] === 0 ? 256 : ico[entry]!);
        const offset = ico.readUInt32LE(entry + 12);
        const length = ico.readUInt32LE(entry + 8);
        expect(decodePng(ico.subarray(offset, offset + length)).width).toBe(sizes.at(-1));
      }
      expect(sizes, file).toEqual(expect.arrayContaining([16, 20, 24, 32, 48, 256]));
    }
  });

  it('the app icon is 1024 px for electron-builder', () => {
    expect(png('icon.png').width).toBe(1024);
  });

  it('are exactly what scripts/make-icons.ts draws (the committed output is current)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icons-'));
    try {
      const written = writeIcons(dir);
      expect(written.length).toBe(KINDS.length * 5 + 2);
      for (const file of written) expect(readFileSync(path.join(dir, file)).equals(readFileSync(path.join(assets, file))), file).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
