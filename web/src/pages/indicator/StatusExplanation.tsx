/**
 * Why the indicator has its status: the server's sentence, then the computation with this indicator's numbers (the
 * formula, the progress ratio, the growth rates, time and task progress, the projection and the bands), so a
 * reader can redo it. Only what was computed is shown; 数据不足 says why in its sentence.
 */
import { Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { IndicatorProgress } from '../../api/evaluation.ts';
import { RedLineTag, StatusTag } from '../../components/status.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { formatComputed, formatRatio, formatValue, projectionInputs } from '../overview/figures.ts';
import { overviewMessages } from '../overview/messages.ts';
import { indicatorMessages } from './messages.ts';

const CODE = { whiteSpace: 'normal', fontSize: 12, wordBreak: 'break-word' } as const;

const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

export function StatusExplanation({ item }: { item: IndicatorProgress }) {
  const t = useT(indicatorMessages);
  const o = useT(overviewMessages);
  const text = useBilingual();
  const a = item.assessment;
  const rows: { key: string; label: string; value: ReactNode }[] = [];
  const add = (key: string, label: string, value: ReactNode) => {
    rows.push({ key, label, value });
  };
  if (a.formula !== null) {
    add('method', t('method'), text(a.formula.name));
    add('formula', t('formula'), <code style={CODE}>{a.formula.expression}</code>);
    add('substituted', t('substituted'), <code style={CODE}>{a.formula.substituted}</code>);
  }
  if (a.ratio !== null) add('ratio', t('ratio'), formatRatio(a.ratio));
  if (a.growth !== null) add('growth', t('growth'), percent(a.growth));
  if (a.limitCoefficient !== null) add('limit', t('limitCoefficient'), formatRatio(a.limitCoefficient));
  if (a.rates !== null) {
    const compound = a.rates.kind === 'compound';
    const show = (rate: number) => (compound ? percent(rate) : formatValue(Number(rate.toFixed(4)), item.unit));
    add('observed', compound ? t('observedRate') : t('observedChange'), show(a.rates.observed));
    if (a.rates.required !== null) {
      add('required', compound ? t('requiredRate') : t('requiredChange'), show(a.rates.required));
    }
  }
  if (a.schedule.progress !== null) add('p', t('progressShare'), formatRatio(a.schedule.progress));
  if (a.schedule.elapsed !== null) add('e', t('elapsedShare'), formatRatio(a.schedule.elapsed));
  if (a.projection !== null) {
    add(
      'projection',
      t('projection', { year: a.projection.year }),
      `${formatComputed(a.projection.value, projectionInputs(a.inputs), item.unit)}（${a.projection.meetsTarget ? t('meets') : t('misses')}）`,
    );
  }
  if (a.score !== null) add('score', t('score'), formatRatio(a.score));
  if (a.method === 'anticipated' || a.method === 'linear') {
    add(
      'bands',
      t('bands'),
      t('bandsText', { high: String(a.bands.high), med: String(a.bands.med), low: String(a.bands.low) }),
    );
  }

  return (
    <div data-testid="status-explanation">
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <StatusTag status={item.status} />
        {item.redLine && <RedLineTag />}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('inWords')}
      </Typography.Title>
      <Typography.Paragraph data-testid="explanation-words">{text(item.explanation)}</Typography.Paragraph>
      {a.notes.length > 0 && (
        <div style={{ marginBottom: 12, color: 'rgba(0,0,0,0.55)' }} data-testid="explanation-notes">
          {o('labelled', { label: t('notes') })}
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {a.notes.map((note, index) => (
              <li key={index}>{text(note)}</li>
            ))}
          </ul>
        </div>
      )}
      <Typography.Title level={5}>{t('inNumbers')}</Typography.Title>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('noNumbers')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          bordered
          data-testid="explanation-numbers"
          styles={{ label: { width: 112, whiteSpace: 'nowrap', padding: '4px 8px' }, content: { padding: '4px 8px' } }}
          items={rows.map((row) => ({ key: row.key, label: row.label, children: row.value }))}
        />
      )}
    </div>
  );
}
