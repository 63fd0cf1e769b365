/**
 * Correcting one indicator row: its name, group, unit, baseline, target and nature, and the catalogue entry it stands
 * for. Only what the reviewer changed is sent (PATCH /plans/:id/indicators/:rowNo); saving confirms the row. A
 * refusal is shown above the form and beside the field it names, and the form keeps everything typed.
 */
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/http.ts';
import { reviewIndicator } from '../../api/plan-detail.ts';
import type {
  CatalogueEntry,
  Comparator,
  IndicatorAttribute,
  IndicatorCorrections,
  PlanIndicator,
} from '../../api/plan-detail.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { asApiError } from './errors.ts';
import { JumpButton } from './jump.tsx';
import { ATTRIBUTE_LABELS, COMPARATOR_SYMBOLS } from './labels.ts';
import { reviewMessages } from './review-messages.ts';

interface RowValues {
  name: string;
  category: string;
  unit: string;
  baselineYear: number | null;
  baselineValue: number | null;
  targetYear: number | null;
  targetValue: number | null;
  comparator: Comparator | 'none';
  attribute: IndicatorAttribute | 'none';
  catalogueId: string | null;
}

/** The server's `at.field` for each form field, so its refusal lands beside the right input. */
const FIELD_OF: Readonly<Record<string, keyof RowValues>> = {
  name: 'name',
  category: 'category',
  unit: 'unit',
  'baseline.year': 'baselineYear',
  'baseline.value': 'baselineValue',
  'target.year': 'targetYear',
  'target.value': 'targetValue',
  'target.comparator': 'comparator',
  attribute: 'attribute',
  catalogueId: 'catalogueId',
};

function valuesOf(row: PlanIndicator): RowValues {
  return {
    name: row.name,
    category: row.category ?? '',
    unit: row.unit ?? '',
    baselineYear: row.baseline.year,
    baselineValue: row.baseline.value,
    targetYear: row.target.year,
    targetValue: row.target.value,
    comparator: row.target.comparator ?? 'none',
    attribute: row.attribute ?? 'none',
    catalogueId: row.match.catalogueId,
  };
}

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** What changed from the row, as the PATCH body; `{}` (nothing changed) confirms the row as read. */
export function correctionsOf(row: PlanIndicator, values: RowValues): IndicatorCorrections {
  const corrections: IndicatorCorrections = {};
  if (values.name.trim() !== row.name) corrections.name = values.name.trim();
  if (blankToNull(values.category) !== row.category) corrections.category = blankToNull(values.category);
  if (blankToNull(values.unit) !== row.unit) corrections.unit = blankToNull(values.unit);
  const baseline: NonNullable<IndicatorCorrections['baseline']> = {};
  if (values.baselineYear !== row.baseline.year) baseline.year = values.baselineYear;
  if (values.baselineValue !== row.baseline.value) baseline.value = values.baselineValue;
  if (Object.keys(baseline).length > 0) corrections.baseline = baseline;
  const target: NonNullable<IndicatorCorrections['target']> = {};
  if (values.targetYear !== row.target.year) target.year = values.targetYear;
  if (values.targetValue !== row.target.value) target.value = values.targetValue;
  const comparator = values.comparator === 'none' ? null : values.comparator;
  if (comparator !== row.target.comparator) target.comparator = comparator;
  if (Object.keys(target).length > 0) corrections.target = target;
  const attribute = values.attribute === 'none' ? null : values.attribute;
  if (attribute !== row.attribute) corrections.attribute = attribute;
  if (values.catalogueId !== null && values.catalogueId !== row.match.catalogueId)
    corrections.catalogueId = values.catalogueId;
  return corrections;
}

const percent = (confidence: number): string => `${Math.round(confidence * 100)}%`;

/** The catalogue as choices: the row's candidates first with their similarity, then every other entry. */
function useCatalogueOptions(row: PlanIndicator, catalogue: CatalogueEntry[]): SelectProps<string>['options'] {
  const t = useT(reviewMessages);
  const label = (entry: { name: string; unit: string }) => t('entryLabel', entry);
  const byId = new Map(catalogue.map((entry) => [entry.id, entry]));
  const candidates = row.match.candidates.map((candidate) => ({
    value: candidate.catalogueId,
    label: `${candidate.name}（${t('confidence', { p: percent(candidate.confidence) })}）`,
  }));
  const taken = new Set(candidates.map((option) => option.value));
  const rest = catalogue
    .filter((entry) => !taken.has(entry.id))
    .map((entry) => ({ value: entry.id, label: label(entry) }));
  const current = row.match.catalogueId === null ? undefined : byId.get(row.match.catalogueId);
  if (current === undefined && row.match.catalogueId !== null && row.match.name !== null) {
    rest.unshift({ value: row.match.catalogueId, label: row.match.name });
  }
  return candidates.length === 0
    ? rest
    : [
        { label: t('candidatesGroup'), options: candidates },
        { label: t('allEntries'), options: rest },
      ];
}

interface ReviewRowFormProps {
  planId: number;
  row: PlanIndicator;
  catalogue: CatalogueEntry[];
  /** The row's line of the source text, as printed. */
  sourceText: string | undefined;
  editable: boolean;
  onSaved: (row: PlanIndicator) => void;
  onCancel: () => void;
}

export function ReviewRowForm({ planId, row, catalogue, sourceText, editable, onSaved, onCancel }: ReviewRowFormProps) {
  const t = useT(reviewMessages);
  const text = useBilingual();
  const [form] = Form.useForm<RowValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const options = useCatalogueOptions(row, catalogue);
  const id = (field: string) => `row-${row.rowNo}-${field}`;

  const save = async (values: RowValues) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await reviewIndicator({ id: planId, rowNo: row.rowNo }, correctionsOf(row, values));
      form.setFieldsValue(valuesOf(saved));
      onSaved(saved);
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError);
      const field = FIELD_OF[apiError.body.at?.field ?? ''];
      if (field !== undefined) form.setFields([{ name: field, errors: [text(apiError.body.message)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ padding: '4px 8px' }} data-testid={`review-form-${row.rowNo}`}>
      <div style={{ marginBottom: 8 }}>
        <JumpButton line={row.line}>
          <Typography.Text type="secondary">{t('sourceText')}</Typography.Text>
          <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
            {sourceText ?? ''}
          </Typography.Text>
        </JumpButton>
      </div>
      {error !== null && (
        <div style={{ marginBottom: 8 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Form<RowValues>
        form={form}
        layout="vertical"
        size="small"
        initialValues={valuesOf(row)}
        onFinish={(values) => void save(values)}
        disabled={!editable || busy}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="name"
              label={t('name')}
              htmlFor={id('name')}
              rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}
            >
              <Input id={id('name')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="category" label={t('category')} htmlFor={id('category')}>
              <Input id={id('category')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="unit" label={t('unit')} htmlFor={id('unit')}>
              <Input id={id('unit')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="attribute" label={t('attribute')}>
              <Radio.Group
                aria-label={t('attribute')}
                options={[
                  { value: 'binding', label: text(ATTRIBUTE_LABELS.binding) },
                  { value: 'expected', label: text(ATTRIBUTE_LABELS.expected) },
                  { value: 'none', label: t('attributeNone') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={4}>
            <Form.Item name="baselineYear" label={t('baselineYear')} htmlFor={id('baselineYear')}>
              <InputNumber id={id('baselineYear')} min={1949} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="baselineValue"
              label={t('baselineValue')}
              htmlFor={id('baselineValue')}
              extra={t('printedAs', { raw: row.baseline.raw === '' ? '—' : row.baseline.raw })}
            >
              <InputNumber id={id('baselineValue')} style={{ width: '100%' }} placeholder={t('noValueHint')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="targetYear" label={t('targetYear')} htmlFor={id('targetYear')}>
              <InputNumber id={id('targetYear')} min={1949} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="comparator" label={t('comparator')} htmlFor={id('comparator')}>
              <Select
                id={id('comparator')}
                options={[
                  { value: 'none', label: t('comparatorNone') },
                  ...(Object.keys(COMPARATOR_SYMBOLS) as Comparator[]).map((value) => ({
                    value,
                    label: COMPARATOR_SYMBOLS[value],
                  })),
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="targetValue"
              label={t('targetValue')}
              htmlFor={id('targetValue')}
              extra={t('printedAs', { raw: row.target.raw === '' ? '—' : row.target.raw })}
            >
              <InputNumber id={id('targetValue')} style={{ width: '100%' }} placeholder={t('noValueHint')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="catalogueId" label={t('catalogue')} htmlFor={id('catalogueId')} extra={t('catalogueHelp')}>
          <Select
            id={id('catalogueId')}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder={t('noMatch')}
          />
        </Form.Item>
        {editable && (
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('saveRow')}
            </Button>
            <Button onClick={onCancel} disabled={busy}>
              {t('cancel')}
            </Button>
          </Space>
        )}
      </Form>
    </div>
  );
}
