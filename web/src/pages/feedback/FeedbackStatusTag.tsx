/** A message's moderation state as a tag: icon and words, never colour alone. */
import { CheckCircleOutlined, EyeOutlined, MailOutlined, StopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { FeedbackStatus } from '../../api/feedback.ts';
import { useT } from '../../i18n/index.tsx';
import { inboxMessages } from './messages.ts';

const LOOK: Readonly<Record<FeedbackStatus, { color: string; icon: ReactNode }>> = {
  new: { color: 'blue', icon: <MailOutlined /> },
  read: { color: 'default', icon: <EyeOutlined /> },
  answered: { color: 'green', icon: <CheckCircleOutlined /> },
  hidden: { color: 'default', icon: <StopOutlined /> },
};

export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  const t = useT(inboxMessages);
  return (
    <Tag color={LOOK[status].color} icon={LOOK[status].icon} data-status={status}>
      {t(status)}
    </Tag>
  );
}
