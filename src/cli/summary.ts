import type { ParsedPlan, PlanIndicator } from '../ingest/types.ts';

const ATTRIBUTE = { binding: '约束性', expected: '预期性' } as const;

/** A person-readable summary of a parsed plan: what was found, with source lines. */
export function formatSummary(file: string, plan: ParsedPlan): string {
  const out: string[] = [];
  const region = plan.region ? `${plan.region.name}${plan.region.code ? ` (${plan.region.code})` : ''}` : '地区未识别';
  const period = plan.period ? `${plan.period.start}-${plan.period.end}` : '期限未识别';
  out.push(`■ ${plan.title ?? '（无标题行）'}  ${region}  ${period}`);
  out.push(`  ${file}${plan.docNumber ? `  ${plan.issuer ?? ''} ${plan.docNumber} ${plan.issuedDate ?? ''}` : ''}`);
  const chapters = plan.sections.filter((s) => s.level === 1).length;
  out.push(
    `  章节 ${chapters} 章 / ${plan.sections.length} 个标题 · 指标 ${plan.indicators.length} · 专栏 ${plan.projects.length}` +
      ` · 专栏量化任务 ${plan.projects.reduce((n, p) => n + p.commitments.length, 0)}` +
      ` · 正文量化任务 ${plan.commitments.length} · 目标 ${plan.goals.length} · 监测机制 ${plan.mechanisms.length}` +
      ` · 提示 ${plan.warnings.length}`,
  );
  for (const indicator of plan.indicators) out.push(`    ${indicatorLine(indicator)}`);
  for (const project of plan.projects) {
    out.push(
      `    专栏${project.number} ${project.title} (第${project.line}行, ${project.commitments.length} 项量化任务)`,
    );
  }
  for (const warning of plan.warnings.slice(0, 10)) {
    out.push(`    ⚠ ${warning.line === null ? '' : `第${warning.line}行 `}${warning.message}`);
  }
  if (plan.warnings.length > 10) out.push(`    ⚠ …另有 ${plan.warnings.length - 10} 条提示 (more warnings in --json)`);
  out.push('');
  return `${out.join('\n')}\n`;
}

function indicatorLine(i: PlanIndicator): string {
  const unit = i.unit ? `（${i.unit}）` : '';
  const attribute = i.attribute ? ATTRIBUTE[i.attribute] : '属性未标注';
  return `第${i.line}行 ${i.name}${unit}: ${i.baseline.raw || '—'} → ${i.target.raw || '—'} ${attribute}`;
}
