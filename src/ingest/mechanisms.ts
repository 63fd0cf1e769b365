import type { Paragraph } from './paragraphs.ts';
import { lineOf } from './paragraphs.ts';
import type { MechanismKind, PlanMechanism } from './types.ts';

/** Keywords of each mechanism; `anywhere` ones are specific enough to be read outside the implementation chapter. */
const KINDS: readonly { kind: MechanismKind; pattern: RegExp; anywhere: boolean }[] = [
  { kind: 'task-assignment', pattern: /分工方案|任务分工|职责分工|任务书/, anywhere: true },
  { kind: 'schedule', pattern: /时间表|路线图/, anywhere: true },
  { kind: 'annual-monitoring', pattern: /年度监测|动态监测|跟踪监测|监测评估机制|实施监测/, anywhere: true },
  { kind: 'mid-term-evaluation', pattern: /中期评估/, anywhere: true },
  { kind: 'final-evaluation', pattern: /总结评估|终期评估/, anywhere: true },
  { kind: 'checklist', pattern: /清单制|实施清单|任务清单|项目清单/, anywhere: true },
  { kind: 'red-black-list', pattern: /黑白清单|红黑榜|红黑名单|黑名单/, anywhere: true },
  { kind: 'third-party-evaluation', pattern: /第三方评估/, anywhere: true },
  { kind: 'annual-report', pattern: /年度报告/, anywhere: true },
  { kind: 'publication', pattern: /定期发布|向社会公布|公开发布|信息公开|社会监督/, anywhere: false },
  { kind: 'inspection', pattern: /督导|督查|督促检查/, anywhere: false },
  { kind: 'accountability', pattern: /考核|问责|责任追究|追责/, anywhere: false },
];

/**
 * Finds the monitoring mechanisms a plan commits to (分工方案, 年度监测, 中期评估, 督导, 公开…), one per kind and
 * sentence. `inImplementation` says whether the paragraph belongs to the plan's implementation chapter.
 */
export function findMechanisms(paragraph: Paragraph, inImplementation: boolean): PlanMechanism[] {
  const found: PlanMechanism[] = [];
  let offset = 0;
  for (const sentence of paragraph.text.split(/(?<=[。；])/)) {
    for (const { kind, pattern, anywhere } of KINDS) {
      if (
        (anywhere || inImplementation) &&
        pattern.test(sentence) &&
        /规划|实施|监测|评估|清单|任务|督导|考核|发布/.test(sentence)
      ) {
        const at = sentence.search(pattern);
        found.push({ kind, text: sentence.trim(), line: lineOf(paragraph, offset + Math.max(0, at)) });
      }
    }
    offset += sentence.length;
  }
  return found;
}
