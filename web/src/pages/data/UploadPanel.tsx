/**
 * The template path: download this region's XLSX template for the year, fill it in, upload it (or a CSV with the same
 * headers). A file with any bad row stores nothing, and every problem the server found is listed with its sheet, row
 * and column, so the reporter can fix the spreadsheet and upload it again.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type { ApiErrorDetail } from '../../api/http.ts';
import { importObservations, templateUrl } from '../../api/observations.ts';
import type { ReportResult } from '../../api/observations.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { dataMessages } from './messages.ts';

interface UploadPanelProps {
  region: string;
  year: number;
  /** Whether the form holds changes an upload would replace. */
  hasUnsavedChanges: () => boolean;
  onUploaded: (result: ReportResult, fileName: string) => void;
}

/** The problems of a refused file as a table: 工作表, 行, 列, 问题. */
function UploadErrors({ error }: { error: ApiError }) {
  const t = useT(dataMessages);
  const text = useBilingual();
  const rows: ApiErrorDetail[] = error.details.length > 0 ? error.details : [error.body];
  return (
    <div role="alert" data-testid="upload-errors" style={{ marginTop: 12 }}>
      <Alert type="error" showIcon title={t('uploadErrors')} description={text(error.body.message)} />
      <Table<ApiErrorDetail>
        size="small"
        style={{ marginTop: 8 }}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        rowKey={(_row, index) => String(index)}
        dataSource={rows}
        columns={[
          { key: 'sheet', title: t('sheet'), width: 90, render: (_v, row) => row.at?.sheet ?? row.at?.file ?? '—' },
          { key: 'row', title: t('row'), width: 60, render: (_v, row) => row.at?.row ?? row.at?.line ?? '—' },
          { key: 'column', title: t('column'), width: 160, render: (_v, row) => row.at?.column ?? '—' },
          { key: 'problem', title: t('problem'), render: (_v, row) => text(row.message) },
        ]}
      />
    </div>
  );
}

export function UploadPanel({ region, year, hasUnsavedChanges, onUploaded }: UploadPanelProps) {
  const t = useT(dataMessages);
  const { modal } = App.useApp();
  const [submit, setSubmit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('submit', String(submit));
    form.append('file', file, file.name);
    try {
      onUploaded(await importObservations(undefined, form), file.name);
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure);
      else throw failure;
    } finally {
      setBusy(false);
    }
  };

  const choose = (file: File): false => {
    if (hasUnsavedChanges()) {
      modal.confirm({
        title: t('replaceConfirm'),
        onOk: () => {
          void send(file);
        },
      });
    } else {
      void send(file);
    }
    // The file goes through the API client, never through Upload's own request.
    return false;
  };

  return (
    <Card size="small" title={t('templateTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('templateHint', { year })}
      </Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={templateUrl(undefined, { region, year })} download>
          {t('download', { year })}
        </Button>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={choose} disabled={busy}>
          <Button icon={<UploadOutlined />} loading={busy}>
            {busy ? t('uploading') : t('upload')}
          </Button>
        </Upload>
        <Checkbox
          checked={submit}
          onChange={(event) => {
            setSubmit(event.target.checked);
          }}
        >
          {t('submitAfterUpload')}
        </Checkbox>
      </Space>
      {error !== null && <UploadErrors error={error} />}
    </Card>
  );
}
