import { readFileSync } from 'node:fs';
import { extractText } from './src/ingest/extract/index.ts';
const f = process.argv[2]!;
const t0 = Date.now();
const r = await extractText(new Uint8Array(readFileSync(f)), f);
console.error(r.format, Date.now() - t0, 'ms');
console.log(r.text);
