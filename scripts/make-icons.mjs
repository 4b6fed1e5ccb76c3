#!/usr/bin/env node
// Draws Courier's icons (the app icon and the tray states) into assets/ as PNG files, with no
// image library: shapes are rasterised with 4×4 supersampling and written by a tiny PNG encoder
// (node:zlib for the deflate stream). Run `node scripts/make-icons.mjs` after changing a shape.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
// Tray and notification icons ship as extra resources (electron-builder.yml: assets/tray → tray).
const trayFolder = join(assets, 'tray');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG file. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1, y down). Each returns true when the point is inside.
const inPolygon = points => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const inCircle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRoundedSquare = (inset, radius) => (x, y) => {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return (
    x >= inset &&
    x <= 1 - inset &&
    y >= inset &&
    y <= 1 - inset &&
    dx * dx + dy * dy <= radius * radius
  );
};

// A paper plane: the body, and a darker fold so it reads at 16 px.
const planeBody = inPolygon([
  [0.08, 0.47],
  [0.92, 0.12],
  [0.62, 0.88],
  [0.45, 0.6],
]);
const planeFold = inPolygon([
  [0.45, 0.6],
  [0.92, 0.12],
  [0.5, 0.78],
]);

/** Paints layers [shape, [r, g, b, a]] in order, each pixel supersampled 4×4. */
function paint(size, layers) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          // Composite this sample's layers (straight alpha "over").
          let sr = 0,
            sg = 0,
            sb = 0,
            sa = 0;
          for (const [shape, [lr, lg, lb, la]] of layers) {
            if (!shape(x, y)) continue;
            const alpha = la / 255;
            const outA = alpha + sa * (1 - alpha);
            sr = (lr * alpha + sr * sa * (1 - alpha)) / outA;
            sg = (lg * alpha + sg * sa * (1 - alpha)) / outA;
            sb = (lb * alpha + sb * sa * (1 - alpha)) / outA;
            sa = outA;
          }
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

const blue = [37, 99, 235, 255];
const white = [255, 255, 255, 255];
const paleBlue = [191, 219, 254, 255];
const trayBlue = [59, 130, 246, 255];
const trayFold = [29, 78, 216, 255];
const black = [0, 0, 0, 255];
const blackFold = [0, 0, 0, 170];
const orange = [234, 88, 12, 255];
const green = [22, 163, 74, 255];

// The plane is drawn a little smaller when a badge sits in the corner.
const scaled = (shape, s, ox, oy) => (x, y) => shape((x - ox) / s, (y - oy) / s);
const badge = inCircle(0.77, 0.77, 0.23);
const badgeRing = inCircle(0.77, 0.77, 0.29);
const bang = (x, y) =>
  (Math.abs(x - 0.77) < 0.035 && y > 0.63 && y < 0.8) || inCircle(0.77, 0.87, 0.04)(x, y);
const dots = (x, y) => [0.67, 0.77, 0.87].some(cx => inCircle(cx, 0.77, 0.035)(x, y));
const clear = [0, 0, 0, 0];

// Blue reads on light and dark task bars alike; macOS gets black template images instead.
const trayLayers = {
  idle: [
    [planeBody, trayBlue],
    [planeFold, trayFold],
  ],
  running: [
    [scaled(planeBody, 0.82, 0, 0), trayBlue],
    [scaled(planeFold, 0.82, 0, 0), trayFold],
    [badgeRing, clear],
    [badge, green],
    [dots, white],
  ],
  attention: [
    [scaled(planeBody, 0.82, 0, 0), trayBlue],
    [scaled(planeFold, 0.82, 0, 0), trayFold],
    [badgeRing, clear],
    [badge, orange],
    [bang, white],
  ],
};

// A transparent ring has to cut the plane, not be painted over it: draw the ring as a mask.
function paintTray(size, layers) {
  const cut = layers.findIndex(([, colour]) => colour === clear);
  if (cut < 0) return paint(size, layers);
  const below = paint(size, layers.slice(0, cut));
  const mask = paint(size, [[layers[cut][0], white]]);
  const above = paint(size, layers.slice(cut + 1));
  const out = new Uint8Array(below.length);
  for (let i = 0; i < out.length; i += 4) {
    const keep = 1 - mask[i + 3] / 255;
    const aa = above[i + 3] / 255;
    const ba = (below[i + 3] / 255) * keep;
    const oa = aa + ba * (1 - aa);
    for (let c = 0; c < 3; c++)
      out[i + c] = oa > 0 ? Math.round((above[i + c] * aa + below[i + c] * ba * (1 - aa)) / oa) : 0;
    out[i + 3] = Math.round(oa * 255);
  }
  return out;
}

const appLayers = [
  [inRoundedSquare(0.04, 0.2), blue],
  [scaled(planeBody, 0.64, 0.17, 0.18), white],
  [scaled(planeFold, 0.64, 0.17, 0.18), paleBlue],
];

mkdirSync(trayFolder, { recursive: true });
const written = [];
const write = (name, size, rgba) => {
  writeFileSync(join(assets, name), encodePng(size, size, rgba));
  written.push(name);
};
const template = size =>
  paint(size, [
    [planeBody, black],
    [planeFold, blackFold],
  ]);
for (const [state, layers] of Object.entries(trayLayers)) {
  write(`tray/tray-${state}.png`, 16, paintTray(16, layers));
  write(`tray/tray-${state}@2x.png`, 32, paintTray(32, layers));
}
// macOS menu bar: a black template image (the system tints it); the state shows in the tooltip.
write('tray/trayTemplate.png', 16, template(16));
write('tray/trayTemplate@2x.png', 32, template(32));
// Notifications show the app icon; it ships with the tray icons.
write('tray/courier.png', 256, paint(256, appLayers));
// The app icon (electron-builder makes the .ico and .icns from it) and small sizes.
write('icon.png', 512, paint(512, appLayers));
write('icon-32.png', 32, paint(32, appLayers));
write('icon-16.png', 16, paint(16, appLayers));
console.log(`Wrote ${written.length} icons to ${assets}: ${written.join(', ')}`);
