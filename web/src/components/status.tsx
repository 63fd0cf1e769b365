/**
 * The progress statuses of the methodology (src/domain/progress on the server) as the app shows them: a colour, an
 * icon and the label, so colour is never the only carrier of a status.
 */
import {
  ArrowDownOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  QuestionCircleOutlined,
  RiseOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useBilingual, useT } from '../i18n/index.tsx';
import type { Bilingual } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';

export type ProgressStatus =
  | 'achieved_early'
  | 'achieved'
  | 'ahead'
  | 'on_track'
  | 'behind'
  | 'far_behind'
  | 'deteriorating'
  | 'insufficient_data';

interface StatusLook {
  label: Bilingual;
  color: string;
  icon: ReactNode;
}

/** Worst first, as the overview lists them. */
export const STATUS_ORDER: readonly ProgressStatus[] = [
  'deteriorating',
  'far_behind',
  'behind',
  'on_track',
  'ahead',
  'achieved',
  'achieved_early',
  'insufficient_data',
];

export const STATUS_LOOK: Readonly<Record<ProgressStatus, StatusLook>> = {
  achieved_early: { label: { zh: '提前实现', en: 'achieved early' }, color: '#237804', icon: <CheckCircleOutlined /> },
  achieved: { label: { zh: '已实现', en: 'achieved' }, color: '#389e0d', icon: <CheckCircleOutlined /> },
  ahead: { label: { zh: '快于预期', en: 'ahead of schedule' }, color: '#52c41a', icon: <RiseOutlined /> },
  on_track: { label: { zh: '基本符合预期', en: 'on track' }, color: '#1677ff', icon: <CheckCircleOutlined /> },
  behind: { label: { zh: '进度滞后', en: 'behind schedule' }, color: '#d48806', icon: <ClockCircleOutlined /> },
  far_behind: { label: { zh: '严重滞后', en: 'far behind' }, color: '#d4380d', icon: <WarningOutlined /> },
  deteriorating: { label: { zh: '出现倒退', en: 'deteriorating' }, color: '#a8071a', icon: <ArrowDownOutlined /> },
  insufficient_data: {
    label: { zh: '数据不足', en: 'insufficient data' },
    color: '#8c8c8c',
    icon: <QuestionCircleOutlined />,
  },
};

/** A status as a tag: icon, label and colour. */
export function StatusTag({ status }: { status: ProgressStatus }) {
  const text = useBilingual();
  const look = STATUS_LOOK[status];
  return (
    <Tag color={look.color} icon={look.icon} data-status={status}>
      {text(look.label)}
    </Tag>
  );
}

/** The red-line flag of a binding indicator that is not on track. */
export function RedLineTag() {
  const t = useT(componentMessages);
  return (
    <Tag color="#cf1322" icon={<WarningOutlined />} data-red-line="true">
      {t('redLine')}
    </Tag>
  );
}
