/**
 * A commitment's or task's status (未开始 / 进行中 / 已完成 / 已逾期) as an icon, the server's label and a colour, so
 * colour is never the only carrier; the server's explanation is the tooltip and the accessible description.
 */
import { CheckCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { TrackStatus } from '../../api/tracking.ts';
import { useBilingual } from '../../i18n/index.tsx';
import type { Bilingual } from '../../i18n/index.tsx';

export const TRACK_LOOK: Readonly<Record<TrackStatus, { color: string; icon: ReactNode; label: Bilingual }>> = {
  not_started: { color: 'default', icon: <MinusCircleOutlined />, label: { zh: '未开始', en: 'not started' } },
  in_progress: { color: 'processing', icon: <SyncOutlined />, label: { zh: '进行中', en: 'in progress' } },
  done: { color: 'success', icon: <CheckCircleOutlined />, label: { zh: '已完成', en: 'done' } },
  overdue: { color: 'error', icon: <ExclamationCircleOutlined />, label: { zh: '已逾期', en: 'overdue' } },
};

/** The status tag; `label` and `explanation` are the server's words when it gave them. */
export function TrackStatusTag({
  status,
  label,
  explanation,
}: {
  status: TrackStatus;
  label?: Bilingual;
  explanation?: Bilingual;
}) {
  const text = useBilingual();
  const look = TRACK_LOOK[status];
  const tag = (
    <Tag color={look.color} icon={look.icon} data-track-status={status} tabIndex={explanation ? 0 : undefined}>
      {text(label ?? look.label)}
    </Tag>
  );
  return explanation === undefined ? tag : <Tooltip title={text(explanation)}>{tag}</Tooltip>;
}
