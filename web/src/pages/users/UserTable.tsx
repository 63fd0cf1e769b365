/** The accounts as a table: who, which role where, whether active (icon and word, not colour alone), and when. */
import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { ManagedUser } from '../../api/users.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { ROLE_LABELS } from '../../roles.ts';
import { userMessages } from './messages.ts';

/** A day for the table, with the minute in its tooltip. */
function When({ at }: { at: string }) {
  const time = dayjs(at);
  return (
    <Tooltip title={time.format('YYYY-MM-DD HH:mm')}>
      <span>{time.format('YYYY-MM-DD')}</span>
    </Tooltip>
  );
}

interface UserTableProps {
  users: readonly ManagedUser[];
  /** The signed-in manager's id: their own row says so. */
  selfId: number;
  actions: (user: ManagedUser) => ReactNode;
}

export function UserTable({ users, selfId, actions }: UserTableProps) {
  const t = useT(userMessages);
  const text = useBilingual();
  const columns: TableColumnsType<ManagedUser> = [
    {
      title: t('account'),
      dataIndex: 'username',
      width: 200,
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (username: string, user) => (
        <div style={{ lineHeight: 1.4 }}>
          <div>{user.displayName}</div>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {username}
            {user.id === selfId && t('you')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('role'),
      dataIndex: 'role',
      width: 120,
      render: (_: unknown, user) => text(ROLE_LABELS[user.role]),
    },
    {
      title: t('region'),
      dataIndex: 'regionName',
      width: 96,
      sorter: (a, b) => (a.regionCode ?? '').localeCompare(b.regionCode ?? ''),
      render: (_: unknown, user) => (user.regionCode === null ? t('noRegion') : (user.regionName ?? user.regionCode)),
    },
    {
      title: t('unitName'),
      dataIndex: 'unitName',
      width: 110,
      ellipsis: { showTitle: true },
      render: (unit: string | null) => unit ?? t('none'),
    },
    {
      title: t('state'),
      dataIndex: 'active',
      width: 110,
      render: (active: boolean) =>
        active ? (
          <Tag icon={<CheckCircleOutlined />} color="success">
            {t('active')}
          </Tag>
        ) : (
          <Tag icon={<StopOutlined />}>{t('inactive')}</Tag>
        ),
    },
    {
      title: t('createdAt'),
      dataIndex: 'createdAt',
      width: 100,
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      render: (at: string) => <When at={at} />,
    },
    {
      title: t('passwordChangedAt'),
      dataIndex: 'passwordChangedAt',
      width: 112,
      render: (at: string) => <When at={at} />,
    },
    { title: t('actions'), key: 'actions', width: 250, render: (_: unknown, user) => actions(user) },
  ];

  return (
    <Table<ManagedUser>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      pagination={{
        pageSize: 20,
        showSizeChanger: false,
        showTotal: (n) => t('total', { n }),
        hideOnSinglePage: false,
      }}
      scroll={{ x: 1080 }}
    />
  );
}
