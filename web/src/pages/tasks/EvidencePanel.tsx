/**
 * Evidence of a commitment or task: what is there (files to download, links to open), a file upload (at most 10 MB;
 * the server tells the type by content and its refusal is shown in place) and a link. Evidence is only ever added,
 * so it takes no lock.
 */
import { LinkOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Evidence, EvidenceLink } from '../../api/tracking.ts';
import { EVIDENCE_MAX_BYTES } from '../../api/tracking.ts';
import { useT } from '../../i18n/index.tsx';
import { tasksMessages } from './messages.ts';
import { useWrite, WriteError } from './useWrite.tsx';

/** "1.2 MB", "34 KB". */
function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false });
}

interface EvidencePanelProps {
  evidence: Evidence[];
  uploadFile: (form: FormData) => Promise<Evidence>;
  addLink: (link: EvidenceLink) => Promise<Evidence>;
  /** Called after evidence was added (reload the item and its history). */
  onAdded: () => void;
}

export function EvidencePanel({ evidence, uploadFile, addLink, onAdded }: EvidencePanelProps) {
  const t = useT(tasksMessages);
  const { message } = App.useApp();
  const [fileTitle, setFileTitle] = useState('');
  const [linkForm] = Form.useForm<{ url: string; title?: string }>();
  const fileWrite = useWrite();
  const linkWrite = useWrite();

  const send = async (file: File) => {
    if (file.size > EVIDENCE_MAX_BYTES) {
      void message.error(t('fileTooBig', { name: file.name }));
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    if (fileTitle.trim() !== '') form.append('title', fileTitle.trim());
    const added = await fileWrite.run(() => uploadFile(form));
    if (added !== undefined) {
      setFileTitle('');
      void message.success(t('evidenceAdded'));
      onAdded();
    }
  };

  const sendLink = async (values: { url: string; title?: string }) => {
    const title = values.title?.trim() ?? '';
    const added = await linkWrite.run(() => addLink({ url: values.url.trim(), ...(title === '' ? {} : { title }) }));
    if (added !== undefined) {
      linkForm.resetFields();
      void message.success(t('evidenceAdded'));
      onAdded();
    }
  };

  return (
    <div>
      {evidence.length === 0 ? (
        <Typography.Text type="secondary">{t('noEvidence')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="evidence-list">
          {evidence.map((item) => (
            <li key={item.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <a
                href={item.url}
                {...(item.kind === 'link' ? { target: '_blank', rel: 'noopener noreferrer' } : { download: '' })}
              >
                {item.kind === 'file' ? <PaperClipOutlined /> : <LinkOutlined />} {item.title}
              </a>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    item.fileName,
                    sizeText(item.size),
                    t('addedBy', { who: item.addedBy ?? t('unknownUser'), when: formatTime(item.addedAt) }),
                  ]
                    .filter((part) => part !== null && part !== '')
                    .join(' · ')}
                </Typography.Text>
              </div>
            </li>
          ))}
        </ul>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('uploadFile')}
      </Typography.Title>
      <WriteError error={fileWrite.error} />
      <Form layout="vertical" component="div">
        <Form.Item label={t('evidenceFileTitle')} htmlFor="evidence-file-title" style={{ marginBottom: 8 }}>
          <Input
            id="evidence-file-title"
            value={fileTitle}
            maxLength={200}
            placeholder={t('evidenceFileTitlePlaceholder')}
            onChange={(event) => {
              setFileTitle(event.target.value);
            }}
          />
        </Form.Item>
        <Upload
          showUploadList={false}
          accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt,.csv,.md"
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={fileWrite.busy}>
            {t('uploadFile')}
          </Button>
        </Upload>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('uploadHint')}
          </Typography.Text>
        </div>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('addLink')}
      </Typography.Title>
      <WriteError error={linkWrite.error} />
      <Form
        form={linkForm}
        layout="vertical"
        onFinish={(values) => {
          void sendLink(values);
        }}
      >
        <Form.Item
          name="url"
          label={t('linkUrl')}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('linkUrl') }) }]}
          style={{ marginBottom: 8 }}
        >
          <Input inputMode="url" placeholder="https://" maxLength={2000} />
        </Form.Item>
        <Form.Item name="title" label={t('linkTitle')} style={{ marginBottom: 8 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Button htmlType="submit" loading={linkWrite.busy} icon={<LinkOutlined />}>
          {t('addLink')}
        </Button>
      </Form>
    </div>
  );
}
