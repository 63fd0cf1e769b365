import type { Paragraph } from './paragraphs.ts';
import { lineOf } from './paragraphs.ts';
import type { PlanSystem } from './types.ts';

const VERBS =
  '(?:建设|建立|搭建|构建|完善|推进|依托|利用|打造|用好|开发|升级|建好|健全|上线|运用|应用|建成|优化|整合|接入|部署)';
const SYSTEM = new RegExp(
  `${VERBS}([^，。；、：:,;（）()和与及]{2,28}?(?:平台|数据库|数据中心|(?:信息|管理|服务|监测|评价|办公|业务|考试|资助|学籍)系统|专网|云))(?![\\u4e00-\\u9fa5]*(?:体系|机制))`,
  'gu',
);
// A name is a noun phrase: a verb inside means the match ran across two clauses.
const VERB_INSIDE = /建立|健全|落实|推进|加强|完善|实现|开展|提升|支持|鼓励|引导|提供/;
const GENERIC = /^(?:各类|相关|有关|各级|新型|信息化|网络|服务|管理|教育|数字化|智慧)?(?:平台|系统|网络|云)$/;

/** Finds the platforms and systems a plan calls for: "“互联网+教育”大数据平台", "学生学业发展数据库". */
export function findSystems(paragraph: Paragraph): PlanSystem[] {
  const found: PlanSystem[] = [];
  for (const match of paragraph.text.matchAll(SYSTEM)) {
    const name = (match[1] ?? '').replace(/^(?:好|了|起|成|由|上接|下接|对接|一批|一个|一套)+/, '').trim();
    if (name.length < 4 || GENERIC.test(name) || VERB_INSIDE.test(name)) continue;
    found.push({ name, line: lineOf(paragraph, match.index + match[0].indexOf(match[1] ?? '')) });
  }
  return found;
}
