/**
 * The plans whose tables the synonyms come from, named as people know them, and helpers that keep each synonym's
 * provenance beside it.
 */
import type { Synonym } from '../types.ts';

export const XINZHOU = '忻州市“十四五”教育事业发展规划';
export const YANGQUAN = '阳泉市“十四五”教育事业发展规划';
export const SANMENXIA = '三门峡市“十四五”时期教育事业发展主要目标';
export const SHUOZHOU = '朔州市“十四五”教育发展指标';
export const SHANXI = '山西省“十四五”教育事业发展规划';

/** A name 朔州's table prints under a 学段 group, meaningful only there, e.g. 入园率 under 学前教育. */
export function shuozhouShortName(name: string, category: string, scope?: string): Synonym {
  return { name, category, source: scope === undefined ? SHUOZHOU : `${SHUOZHOU}：${scope}` };
}
