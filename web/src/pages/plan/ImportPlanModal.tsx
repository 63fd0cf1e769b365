/**
 * Importing a plan document: the file, and the region and period when the document does not say them. While the
 * server reads the file the dialog says so, with the time taken; a refusal is shown with every problem and its place,
 * beside the field at fault, and nothing chosen is lost. A new draft opens in the review screen.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Progress, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ApiError } from '../../api/http.ts';
import { importPlan } from '../../api/plan-detail.ts';
import type { PlanHeader } from '../../api/plan-detail.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { asApiError } from './errors.ts';
import { planMessages } from './messages.ts';
import { RegionPicker } from './RegionPicker.tsx';

interface ImportForm {
  file?: UploadFile[];
  regionCode?: string;
  period?: string;
}

/** The form field a server error names (`at.field`), when it is one of this form's. */
const FIELD_OF: Readonly<Record<string, keyof ImportForm>> = {
  file: 'file',
  regionCode: 'regionCode',
  period: 'period',
};

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Seconds since `busy` became true, ticking while it stays true. */
function useElapsed(busy: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => {
      setSeconds(Math.round((Date.now() - started) / 1000));
    }, 500);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [busy]);
  return seconds;
}

export function ImportPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(planMessages);
  const text = useBilingual();
  const navigate = useNavigate();
  const [form] = Form.useForm<ImportForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [existing, setExisting] = useState<PlanHeader | null>(null);
  const [uploading, setUploading] = useState<{ name: string; size: number } | null>(null);
  const elapsed = useElapsed(busy);

  const submit = async (values: ImportForm) => {
    const file = values.file?.[0]?.originFileObj;
    if (file === undefined) return;
    const body = new FormData();
    body.append('file', file, file.name);
    if (values.regionCode !== undefined) body.append('regionCode', values.regionCode);
    const period = values.period?.trim() ?? '';
    if (period !== '') body.append('period', period);
    setBusy(true);
    setError(null);
    setExisting(null);
    setUploading({ name: file.name, size: file.size });
    try {
      const result = await importPlan(undefined, body);
      if (result.created) {
        void navigate(`/plans/${result.plan.id}/review`, { state: { imported: true } });
        return;
      }
      setExisting(result.plan);
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError);
      // The file's own problems are in the alert just above it; a region or period is marked beside its field.
      const field = FIELD_OF[apiError.body.at?.field ?? ''];
      if (field !== undefined && field !== 'file')
        form.setFields([{ name: field, errors: [text(apiError.body.message)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('importTitle')}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      mask={{ closable: !busy }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t('cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          onClick={() => {
            form.submit();
          }}
        >
          {t('importSubmit')}
        </Button>,
      ]}
      width={560}
      style={{ top: 32 }}
    >
      {error !== null && (
        <div style={{ marginBottom: 12 }} data-testid="import-error">
          <ErrorAlert error={error} />
        </div>
      )}
      {existing !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('alreadyImported', { id: existing.id })}
          action={
            <Link to={existing.status === 'draft' ? `/plans/${existing.id}/review` : `/plans/${existing.id}`}>
              {t('openExisting')}
            </Link>
          }
        />
      )}
      <Form<ImportForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} disabled={busy}>
        <Form.Item
          name="file"
          label={t('file')}
          extra={t('fileHint')}
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
          rules={[{ required: true, message: t('fileRequired') }]}
        >
          <Upload.Dragger accept=".txt,.md,.docx,.pdf" maxCount={1} beforeUpload={() => false}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('chooseFile')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="regionCode" label={t('regionOverride')} extra={t('regionHelp')}>
          <RegionPicker placeholder={t('regionPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('periodOverride')}
          extra={t('periodHelp')}
          rules={[{ pattern: /^\s*\d{4}-\d{4}\s*$/, message: t('periodPattern') }]}
        >
          <Input placeholder={t('periodPlaceholder')} autoComplete="off" />
        </Form.Item>
      </Form>
      {busy && uploading !== null && (
        <div role="status" aria-live="polite" data-testid="import-progress">
          <Progress percent={100} status="active" showInfo={false} />
          {t('uploading', { file: uploading.name, size: sizeText(uploading.size), s: elapsed })}
        </div>
      )}
    </Modal>
  );
}
