/**
 * A figure's place in the data workflow as a tag: icon, label and colour (never colour alone). A draft that came back
 * from its reviewer is 退回, not 草稿: the reporter must see at once that someone asked for a change.
 */
import {
  CheckCircleOutlined,
  EditOutlined,
  GlobalOutlined,
  MinusCircleOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ObservationStatus } from '../../api/observations.ts';
import { useT } from '../../i18n/index.tsx';
import { dataMessages } from './messages.ts';

type Shown = ObservationStatus | 'returned' | 'none';

const LOOK: Readonly<Record<Shown, { color: string; icon: ReactNode; label: keyof typeof dataMessages.zh }>> = {
  none: { color: 'default', icon: <MinusCircleOutlined />, label: 'statusNone' },
  draft: { color: 'default', icon: <EditOutlined />, label: 'statusDraft' },
  returned: { color: 'error', icon: <RollbackOutlined />, label: 'statusReturned' },
  submitted: { color: 'processing', icon: <SendOutlined />, label: 'statusSubmitted' },
  approved: { color: 'success', icon: <CheckCircleOutlined />, label: 'statusApproved' },
  published: { color: 'green', icon: <GlobalOutlined />, label: 'statusPublished' },
};

/** Which look a figure takes: none when nothing is stored, returned for a draft with a reviewer's reason. */
export function shownStatus(status: ObservationStatus | null, returnReason: string | null): Shown {
  if (status === null) return 'none';
  if (status === 'draft' && returnReason !== null) return 'returned';
  return status;
}

export function WorkflowStatusTag({
  status,
  returnReason = null,
}: {
  status: ObservationStatus | null;
  returnReason?: string | null;
}) {
  const t = useT(dataMessages);
  const shown = shownStatus(status, returnReason);
  const look = LOOK[shown];
  return (
    <Tag color={look.color} icon={look.icon} data-workflow-status={shown} style={{ marginInlineEnd: 0 }}>
      {t(look.label)}
    </Tag>
  );
}
