/**
 * A draft's region and period, as the reader found them, with the means to correct either (PATCH /plans/:id). Only
 * what changed is sent; a refusal (a region outside the user's, the same file already stored there) is shown above
 * the form and beside the field it names, and the form keeps what was chosen.
 */
import { App, Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/http.ts';
import { updatePlan } from '../../api/plan-detail.ts';
import type { PlanDetail, PlanHeader } from '../../api/plan-detail.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { asApiError } from './errors.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { reviewMessages } from './review-messages.ts';

interface SettingsValues {
  regionCode?: string;
  start: number | null;
  end: number | null;
}

export function PlanSettingsForm({
  plan,
  editable,
  onSaved,
}: {
  plan: PlanDetail;
  editable: boolean;
  onSaved: (plan: PlanHeader) => void;
}) {
  const t = useT(reviewMessages);
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async (values: SettingsValues) => {
    const body: { regionCode?: string; period?: { start: number; end: number } } = {};
    if (values.regionCode !== undefined && values.regionCode !== plan.region.code) body.regionCode = values.regionCode;
    const start = values.start ?? plan.period.start;
    const end = values.end ?? plan.period.end;
    if (start !== plan.period.start || end !== plan.period.end) body.period = { start, end };
    if (body.regionCode === undefined && body.period === undefined) {
      void message.info(t('settingsUnchanged'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await updatePlan({ id: plan.id }, body));
      form.setFieldValue('regionCode', undefined);
      void message.success(t('settingsSaved'));
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError);
      const field = apiError.body.at?.field;
      const name = field === 'regionCode' ? 'regionCode' : field?.startsWith('period') === true ? 'start' : undefined;
      if (name !== undefined) form.setFields([{ name, errors: [text(apiError.body.message)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="plan-settings">
      {error !== null && (
        <div style={{ marginBottom: 8 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        initialValues={{ start: plan.period.start, end: plan.period.end }}
        onFinish={(values) => void save(values)}
        disabled={!editable || busy}
      >
        <Row gutter={16} align="bottom">
          <Col span={5}>
            <Form.Item label={t('currentRegion')}>
              <Typography.Text strong data-testid="current-region">
                {plan.region.name ?? plan.region.code}（{plan.region.code}）
              </Typography.Text>
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="regionCode" label={t('newRegion')} htmlFor="plan-region">
              <RegionPicker id="plan-region" placeholder={t('keepRegion')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="start"
              label={t('periodStart')}
              htmlFor="plan-period-start"
              rules={[{ required: true, message: t('yearRequired') }]}
            >
              <InputNumber id="plan-period-start" min={1949} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="end"
              label={t('periodEnd')}
              htmlFor="plan-period-end"
              dependencies={['start']}
              rules={[
                { required: true, message: t('yearRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, end: number | null) => {
                    const start = getFieldValue('start') as number | null;
                    return start === null || end === null || end >= start
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('periodOrder')));
                  },
                }),
              ]}
            >
              <InputNumber id="plan-period-end" min={1949} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {editable && (
            <Col span={4}>
              <Form.Item>
                <Button htmlType="submit" loading={busy}>
                  {t('saveSettings')}
                </Button>
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </div>
  );
}
