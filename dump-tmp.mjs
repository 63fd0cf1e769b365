import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, cMapUrl: '/work/main/node_modules/pdfjs-dist/cmaps/', cMapPacked: true, standardFontDataUrl: '/work/main/node_modules/pdfjs-dist/standard_fonts/', disableFontFace: true, isEvalSupported: false, useSystemFonts: false }).promise;
const p = Number(process.argv[3] ?? 1);
const page = await doc.getPage(p);
const tc = await page.getTextContent();
for (const it of tc.items) if ('str' in it) console.log(JSON.stringify(it.str), it.transform.map(n=>+n.toFixed(2)).join(','), +it.width.toFixed(2), +it.height.toFixed(2), it.hasEOL, it.fontName);
