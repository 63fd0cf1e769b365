/**
 * One report job followed until it ends: its stage in the server's words and the steps done of the total as a
 * progress bar, then the download, or the error a person can act on (PDF_UNAVAILABLE says the server has no
 * Chromium; the Word report beside it is unaffected).
 */
import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { getJob, jobResultLink } from '../../api/reports.ts';
import type { Job } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { reportsMessages } from './messages.ts';

/** How often a running job is asked how far it got. */
const POLL_MS = 400;

const finished = (job: Job) => job.status === 'done' || job.status === 'failed';

/** Follows a job from what starting it answered; stops once it is done or failed. */
function useFollowedJob(started: Job): { job: Job; error: ApiError | null } {
  const [job, setJob] = useState(started);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (finished(started)) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      getJob({ id: started.id })
        .then((next) => {
          if (!live) return;
          setJob(next);
          if (!finished(next)) timer = setTimeout(poll, POLL_MS);
        })
        .catch((failure: unknown) => {
          if (!live) return;
          const { zh, en } = { zh: reportsMessages.zh.pollFailed, en: reportsMessages.en.pollFailed };
          setError(failure instanceof ApiError ? failure : new ApiError(0, { code: 'CLIENT', message: { zh, en } }));
        });
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [started]);
  return { job, error };
}

export function JobProgress({
  started,
  formatName,
  onRetry,
}: {
  started: Job;
  formatName: string;
  onRetry: () => void;
}) {
  const t = useT(reportsMessages);
  const text = useBilingual();
  const { job, error } = useFollowedJob(started);
  const { done, total, stage } = job.progress;
  const percent = job.status === 'done' ? 100 : total > 0 ? Math.floor((done / total) * 100) : 0;
  const icon =
    job.status === 'done' ? (
      <CheckCircleOutlined style={{ color: '#389e0d' }} />
    ) : job.status === 'failed' ? (
      <CloseCircleOutlined style={{ color: '#cf1322' }} />
    ) : (
      <LoadingOutlined />
    );
  return (
    <Card size="small" data-testid={`job-${formatName}`} data-status={job.status}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text strong>
          {icon} {t('jobFormat', { format: formatName })} · {t(job.status)}
        </Typography.Text>
        {job.status === 'done' && (
          <Button type="primary" icon={<DownloadOutlined />} href={jobResultLink({ id: job.id })} download>
            {t('download', { format: formatName })}
          </Button>
        )}
        {(job.status === 'failed' || error !== null) && <Button onClick={onRetry}>{t('retry')}</Button>}
      </Space>
      {job.status !== 'failed' && (
        <div aria-live="polite">
          <Progress
            percent={percent}
            status={job.status === 'done' ? 'success' : 'active'}
            aria-label={`${t('jobFormat', { format: formatName })} ${text(stage)}`}
          />
          <Typography.Text type="secondary" data-testid={`job-${formatName}-stage`}>
            {text(stage)}
            {total > 0 && ` · ${t('steps', { done, total })}`}
          </Typography.Text>
        </div>
      )}
      {job.error !== null && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert
            error={
              new ApiError(500, {
                code: job.error.code,
                message: job.error.message,
                at: job.error.at,
                details: job.error.details,
              })
            }
          />
        </div>
      )}
      {error !== null && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={error} />
        </div>
      )}
    </Card>
  );
}
