import type { Paragraph } from './paragraphs.ts';
import { lineOf } from './paragraphs.ts';
import type { PlanSystem } from './types.ts';

const VERBS =
  '(?:建设|建立|搭建|构建|完善|推进|依托|利用|打造|用好|开发|升级|建好|健全|上线|运用|应用|建成|优化|整合|接入|部署)';
const SYSTEM = new RegExp(
  `${VERBS}([^，。；、：:,;（）()和与及]{2,28}?(?:平台|系统|数据库|数据中心|管理信息系统|网络|云))(?![\\u4e00-\\u9fa5]*(?:体系|机制))`,
  'gu',
);
const GENERIC = /^(?:各类|相关|有关|各级|新型|信息化|网络|服务|管理|教育|数字化|智慧)?(?:平台|系统|网络|云)$/;

/** Finds the platforms and systems a plan calls for: "“互联网+教育”大数据平台", "学生学业发展数据库". */
export function findSystems(paragraph: Paragraph): PlanSystem[] {
  const found: PlanSystem[] = [];
  for (const match of paragraph.text.matchAll(SYSTEM)) {
    const name = (match[1] ?? '').replace(/^(?:好|了|起|成)/, '').trim();
    if (name.length < 4 || GENERIC.test(name)) continue;
    found.push({ name, line: lineOf(paragraph, match.index + match[0].indexOf(match[1] ?? '')) });
  }
  return found;
}
