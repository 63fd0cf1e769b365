/**
 * What the reader found in the plan, beside its text: the outline, the indicator table, the 专栏 projects with their
 * quantified commitments, the main targets and commitments in the prose, the monitoring mechanisms and the reader's
 * warnings. Every item is a JumpButton to its source line.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Empty, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Commitment, MechanismKind, PlanDetail, PlanProject } from '../../api/plan-detail.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { IndicatorTable, PrintedValue } from './IndicatorTable.tsx';
import { JumpButton } from './jump.tsx';
import { COMPARATOR_SYMBOLS, MECHANISM_LABELS } from './labels.ts';
import { planMessages } from './messages.ts';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function Nothing({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

function Outline({ plan }: { plan: PlanDetail }) {
  const t = useT(planMessages);
  if (plan.sections.length === 0) return <Nothing text={t('noSections')} />;
  return (
    <ul style={listStyle} aria-label={t('tabSections')}>
      {plan.sections.map((section, index) => (
        <li key={index} style={{ paddingLeft: (section.level - 1) * 18, fontWeight: section.level === 1 ? 600 : 400 }}>
          <JumpButton line={section.line}>
            {section.number}
            {section.title}
          </JumpButton>
        </li>
      ))}
    </ul>
  );
}

/** "35 所左右", "40-50 个", "≥ 100 %", with the deadline when the text gives one. */
function CommitmentFigure({ commitment }: { commitment: Commitment }) {
  const t = useT(planMessages);
  const { quantity, quantityMax, unit, comparator, approximate, deadline } = commitment;
  const amount = quantityMax === null ? String(quantity) : `${quantity}–${quantityMax}`;
  const prefix = comparator === null ? '' : `${COMPARATOR_SYMBOLS[comparator]} `;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color="geekblue" style={{ marginInlineEnd: 4 }}>
        {prefix}
        {amount} {unit}
        {approximate ? t('approximate') : ''}
      </Tag>
      {deadline !== null && <Tag>{t('deadline', { year: deadline })}</Tag>}
    </span>
  );
}

function CommitmentItem({ commitment }: { commitment: Commitment }) {
  return (
    <li>
      <JumpButton line={commitment.line}>
        <CommitmentFigure commitment={commitment} /> {commitment.text}
      </JumpButton>
    </li>
  );
}

/** A box: its own commitments first, then each named sub-project (工程/计划) with the commitments made under it. */
function Project({ project }: { project: PlanProject }) {
  const t = useT(planMessages);
  const titles = new Set(project.subprojects.map((sub) => sub.title));
  const loose = project.commitments.filter((c) => c.subproject === null || !titles.has(c.subproject));
  const under = (title: string) => project.commitments.filter((c) => c.subproject === title);
  const list = (commitments: Commitment[], label: string) => (
    <ul style={{ ...listStyle, paddingLeft: 16 }} aria-label={label}>
      {commitments.map((commitment, index) => (
        <CommitmentItem key={index} commitment={commitment} />
      ))}
    </ul>
  );
  return (
    <section style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }} aria-label={project.title}>
      <JumpButton line={project.line}>
        <strong>{t('projectTitle', { n: project.number, title: project.title })}</strong>
      </JumpButton>
      {project.commitments.length === 0 && (
        <Typography.Text type="secondary" style={{ paddingLeft: 22, fontSize: 12 }}>
          {t('noCommitments')}
        </Typography.Text>
      )}
      {loose.length > 0 && list(loose, t('commitmentsOf', { title: project.title }))}
      {project.subprojects.map((sub, index) => (
        <div key={index} style={{ paddingLeft: 16 }}>
          <JumpButton line={sub.line}>· {sub.title}</JumpButton>
          {under(sub.title).length > 0 && list(under(sub.title), t('commitmentsOf', { title: sub.title }))}
        </div>
      ))}
    </section>
  );
}

function Projects({ plan }: { plan: PlanDetail }) {
  const t = useT(planMessages);
  if (plan.projects.length === 0) return <Nothing text={t('noProjects')} />;
  return (
    <div>
      {plan.projects.map((project) => (
        <Project key={project.number} project={project} />
      ))}
    </div>
  );
}

function Goals({ plan }: { plan: PlanDetail }) {
  const t = useT(planMessages);
  if (plan.goals.length === 0 && plan.commitments.length === 0) return <Nothing text={t('noGoals')} />;
  return (
    <div>
      <Typography.Title level={5}>{t('goalsTitle')}</Typography.Title>
      {plan.goals.length === 0 ? (
        <Nothing text={t('noGoals')} />
      ) : (
        <ul style={listStyle}>
          {plan.goals.map((goal, index) => (
            <li key={index}>
              <JumpButton line={goal.line}>
                <strong>{goal.name}</strong>
                {t('colon')}
                <PrintedValue value={{ ...goal.target, year: null }} />
                {goal.target.year !== null && (
                  <Typography.Text type="secondary"> {t('byYear', { year: goal.target.year })}</Typography.Text>
                )}
              </JumpButton>
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('commitmentsTitle')}
      </Typography.Title>
      {plan.commitments.length === 0 ? (
        <Nothing text={t('noProseCommitments')} />
      ) : (
        <ul style={listStyle}>
          {plan.commitments.map((commitment, index) => (
            <CommitmentItem key={index} commitment={commitment} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Mechanisms, one item per sentence: a sentence that states several (年度监测、中期评估和总结评估) carries all their tags. */
function Mechanisms({ plan }: { plan: PlanDetail }) {
  const t = useT(planMessages);
  const text = useBilingual();
  if (plan.mechanisms.length === 0) return <Nothing text={t('noMechanisms')} />;
  const sentences = new Map<string, { line: number; text: string; kinds: MechanismKind[] }>();
  for (const mechanism of plan.mechanisms) {
    const key = `${mechanism.line}\u0000${mechanism.text}`;
    const sentence = sentences.get(key) ?? { line: mechanism.line, text: mechanism.text, kinds: [] };
    sentence.kinds.push(mechanism.kind);
    sentences.set(key, sentence);
  }
  return (
    <ul style={listStyle}>
      {[...sentences.values()].map((sentence, index) => (
        <li key={index} style={{ padding: '2px 0' }}>
          <JumpButton line={sentence.line}>
            {sentence.kinds.map((kind) => (
              <Tag key={kind} color="cyan">
                {text(MECHANISM_LABELS[kind])}
              </Tag>
            ))}
            {sentence.text}
          </JumpButton>
        </li>
      ))}
    </ul>
  );
}

/** The reader's warnings, each with its line (some concern the whole document and have none). */
export function Warnings({ plan }: { plan: Pick<PlanDetail, 'warnings'> }) {
  const t = useT(planMessages);
  if (plan.warnings.length === 0) return <Nothing text={t('noWarnings')} />;
  return (
    <ul style={listStyle} data-testid="plan-warnings">
      {plan.warnings.map((warning, index) => (
        <li key={index} style={{ padding: '2px 0' }}>
          {warning.line === null ? (
            <span style={{ padding: '3px 6px', display: 'block' }}>
              <WarningOutlined style={{ color: '#d48806' }} /> {warning.message}{' '}
              <Typography.Text type="secondary">{t('noLine')}</Typography.Text>
            </span>
          ) : (
            <JumpButton line={warning.line}>
              <WarningOutlined style={{ color: '#d48806' }} /> {warning.message}
            </JumpButton>
          )}
        </li>
      ))}
    </ul>
  );
}

function counted(label: string, n: number): ReactNode {
  return (
    <span>
      {label} <Typography.Text type="secondary">{n}</Typography.Text>
    </span>
  );
}

/** The structure pane's tabs; the indicator table first, as the monitoring starts from it. */
export function PlanStructure({ plan }: { plan: PlanDetail }) {
  const t = useT(planMessages);
  const commitmentCount = plan.projects.reduce((sum, project) => sum + project.commitments.length, 0);
  return (
    <Tabs
      defaultActiveKey="indicators"
      size="small"
      // The tab bar stays in view while the pane scrolls through a long outline.
      styles={{ header: { position: 'sticky', top: 0, zIndex: 2, background: '#fff' } }}
      items={[
        {
          key: 'indicators',
          label: counted(t('tabIndicators'), plan.indicators.length),
          children: <IndicatorTable planId={plan.id} rows={plan.indicators} />,
        },
        { key: 'sections', label: counted(t('tabSections'), plan.sections.length), children: <Outline plan={plan} /> },
        {
          key: 'projects',
          label: counted(t('tabProjects'), plan.projects.length),
          children: (
            <div>
              <Typography.Text type="secondary">
                {t('projectsSummary', { n: plan.projects.length, c: commitmentCount })}
              </Typography.Text>
              <Projects plan={plan} />
            </div>
          ),
        },
        {
          key: 'goals',
          label: counted(t('tabGoals'), plan.goals.length + plan.commitments.length),
          children: <Goals plan={plan} />,
        },
        {
          key: 'mechanisms',
          label: counted(t('tabMechanisms'), plan.mechanisms.length),
          children: <Mechanisms plan={plan} />,
        },
        {
          key: 'warnings',
          label: counted(t('tabWarnings'), plan.warnings.length),
          children: <Warnings plan={plan} />,
        },
      ]}
    />
  );
}
