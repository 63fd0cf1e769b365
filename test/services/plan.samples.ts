/** The five sample plans as files to import, and edited copies of them, for the plan storage tests. */
import { readFileSync } from 'node:fs';

/** Each sample file with the GB/T 2260 code of the region it belongs to, in file order. */
export const SAMPLES = [
  { file: '000_cb1b58f4760fbe36.txt', code: '140900', name: '忻州市' },
  { file: '001_491b52ef50c39cde.txt', code: '140300', name: '阳泉市' },
  { file: '002_31094d66b8551873.txt', code: '411200', name: '三门峡市' },
  { file: '003_cc5f11e08b4c342e.txt', code: '140600', name: '朔州市' },
  { file: '004_bb7b55e5c43c95eb.txt', code: '140000', name: '山西省' },
] as const;

export const XINZHOU = '000_cb1b58f4760fbe36.txt';
export const YANGQUAN = '001_491b52ef50c39cde.txt';
export const SANMENXIA = '002_31094d66b8551873.txt';
export const SHUOZHOU = '003_cc5f11e08b4c342e.txt';
export const SHANXI = '004_bb7b55e5c43c95eb.txt';

/** A sample's text. */
export function sampleText(file: string): string {
  return readFileSync(new URL(`../../samples/plans/${file}`, import.meta.url), 'utf8');
}

/** A sample's bytes, as an upload carries them. */
export function sampleBytes(file: string): Uint8Array {
  return new TextEncoder().encode(sampleText(file));
}

/** A sample edited (a revised target, a renamed row): other bytes, the same plan otherwise. */
export function editedSample(file: string, from: string, to: string): Uint8Array {
  const text = sampleText(file);
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  return new TextEncoder().encode(text.replaceAll(from, to));
}
