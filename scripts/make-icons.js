#!/usr/bin/env node
// Draws the add-in's ribbon and catalog icons as PNG files in assets/ (run: node scripts/make-icons.js).
// No image library: shapes are rasterised with 4x4 supersampling and written as RGBA PNGs with zlib.
// Three families, each in 16, 20, 24, 32, 40, 48, 64 and 80 px:
//   icon-N.png    the add-in: a form (a table grid) with a green check badge (also 检查本表)
//   insert-N.png  插入: the same form with a plus badge
//   pane-N.png    任务窗格: a window with a side pane
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const BLUE = [0x1b, 0x5e, 0x9e]; // finance blue
const DARK = [0x12, 0x3f, 0x6b];
const PALE = [0xd6, 0xe6, 0xf5];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x2e, 0x9e, 0x5b];
const GOLD = [0xe8, 0xa3, 0x17];

// ---- geometry (unit square, y down) ----
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function segment(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
  };
}

/** Layers painted in order: [shape, colour]. `px` is one pixel in unit coordinates, to keep lines visible. */
function formLayers(px) {
  const line = Math.max(0.035, px * 1.05);
  const layers = [
    [roundRect(0.1, 0.08, 0.78, 0.9, 0.06), DARK], // sheet outline
    [rect(0.1 + line, 0.08 + line, 0.78 - line, 0.9 - line), WHITE],
    [rect(0.1 + line, 0.08 + line, 0.78 - line, 0.3), PALE], // header row
  ];
  for (const y of [0.3, 0.5, 0.7]) layers.push([rect(0.1, y - line / 2, 0.78, y + line / 2), BLUE]);
  layers.push([rect(0.36 - line / 2, 0.3, 0.36 + line / 2, 0.9), BLUE]);
  return layers;
}
function checkBadge(px) {
  const w = Math.max(0.075, px * 1.6);
  return [
    [circle(0.71, 0.71, 0.27), WHITE],
    [circle(0.71, 0.71, 0.23), GREEN],
    [segment(0.6, 0.72, 0.68, 0.8, w), WHITE],
    [segment(0.68, 0.8, 0.83, 0.61, w), WHITE],
  ];
}
function plusBadge(px) {
  const w = Math.max(0.075, px * 1.6);
  return [
    [circle(0.71, 0.71, 0.27), WHITE],
    [circle(0.71, 0.71, 0.23), GOLD],
    [segment(0.59, 0.71, 0.83, 0.71, w), WHITE],
    [segment(0.71, 0.59, 0.71, 0.83, w), WHITE],
  ];
}
function paneLayers(px) {
  const line = Math.max(0.04, px * 1.05);
  return [
    [roundRect(0.06, 0.12, 0.94, 0.88, 0.08), DARK],
    [rect(0.06 + line, 0.26, 0.94 - line, 0.88 - line), WHITE],
    [rect(0.58, 0.26, 0.94 - line, 0.88 - line), BLUE], // the pane
    [rect(0.64, 0.36, 0.88, 0.36 + line), WHITE],
    [rect(0.64, 0.48, 0.84, 0.48 + line), WHITE],
    [rect(0.64, 0.6, 0.86, 0.6 + line), WHITE],
    [rect(0.16, 0.4, 0.5, 0.4 + line), PALE],
    [rect(0.16, 0.54, 0.5, 0.54 + line), PALE],
    [rect(0.16, 0.68, 0.5, 0.68 + line), PALE],
  ];
}

const FAMILIES = {
  icon: (px) => [...formLayers(px), ...checkBadge(px)],
  insert: (px) => [...formLayers(px), ...plusBadge(px)],
  pane: paneLayers,
};

function render(size, layers) {
  const SS = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let colour = null;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

// ---- PNG encoding ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const out = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(out, { recursive: true });
  for (const [name, layersFor] of Object.entries(FAMILIES)) {
    for (const size of SIZES) {
      const file = path.join(out, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, render(size, layersFor(1 / size))));
    }
  }
  console.log(`wrote ${Object.keys(FAMILIES).length * SIZES.length} icons to ${out}`);
}

if (require.main === module) main();
module.exports = { SIZES, FAMILIES, encodePng };
