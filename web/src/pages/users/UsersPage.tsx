/**
 * 用户管理 (/users): the accounts of the manager's region and below, filtered by role, region and state; a new
 * account and a password reset show the generated password once; deactivation, activation, resets and sign-out
 * each ask first. What the manager may grant, and where, comes from the server (GET /api/users/grants).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Result, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Role } from '../../api/auth.ts';
import { getUserGrants, listUsers } from '../../api/users.ts';
import type { AccountWithPassword, ManagedUser, UserListQuery } from '../../api/users.ts';
import { ErrorAlert, PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { ROLE_LABELS } from '../../roles.ts';
import { useUser } from '../../session.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { userMessages } from './messages.ts';
import { NewUserModal } from './NewUserModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { RegionTreeSelect } from './RegionTreeSelect.tsx';
import { useUserActions } from './UserActions.tsx';
import { UserTable } from './UserTable.tsx';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Accounts whose username or name contains the search, in any case. */
function matches(user: ManagedUser, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return (
    needle === '' || user.username.toLowerCase().includes(needle) || user.displayName.toLowerCase().includes(needle)
  );
}

export default function UsersPage() {
  const t = useT(userMessages);
  const text = useBilingual();
  const me = useUser();
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [active, setActive] = useState<UserListQuery['active']>(undefined);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ManagedUser | null>(null);
  const [password, setPassword] = useState<(AccountWithPassword & { kind: 'created' | 'reset' }) | null>(null);

  const users = useApi(() => listUsers(undefined, { region, role, active }), [region, role, active]);
  const grants = useApi(() => getUserGrants(undefined), []);
  const actions = useUserActions({
    selfId: me.id,
    onEdit: setEditing,
    onChanged: users.reload,
    onPassword: (reset) => {
      setPassword({ ...reset, kind: 'reset' });
    },
  });
  const shown = useMemo(() => (users.data?.items ?? []).filter((user) => matches(user, search)), [users.data, search]);

  if (users.error?.status === 403) {
    return <Result status="403" title={t('noAccess')} subTitle={text(users.error.body.message)} />;
  }
  const scope = grants.data?.scope ?? null;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {grants.data !== undefined && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {scope === null ? t('introAll') : t('intro', { scope: scope.name })}
            </Typography.Paragraph>
          )}
        </div>
        {grants.data !== undefined && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('newUser')}
          </Button>
        )}
      </Flex>
      {grants.error !== null && <ErrorAlert error={grants.error} onRetry={grants.reload} />}
      <Card size="small">
        <Flex wrap gap={12} role="search">
          <Input.Search
            allowClear
            placeholder={t('search')}
            aria-label={t('search')}
            style={{ width: 220 }}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
          <Select<Role>
            allowClear
            placeholder={t('allRoles')}
            aria-label={t('filterRole')}
            style={{ width: 150 }}
            value={role}
            onChange={setRole}
            options={ROLES.map((value) => ({ value, label: text(ROLE_LABELS[value]) }))}
          />
          {grants.data !== undefined && (
            <RegionTreeSelect
              root={scope}
              allowClear
              value={region ?? null}
              onChange={setRegion}
              placeholder={t('allRegions')}
              aria-label={t('filterRegion')}
              style={{ width: 200 }}
            />
          )}
          <Select<NonNullable<UserListQuery['active']>>
            allowClear
            placeholder={t('allStates')}
            aria-label={t('filterActive')}
            style={{ width: 130 }}
            value={active}
            onChange={setActive}
            options={[
              { value: 'true', label: t('activeOnly') },
              { value: 'false', label: t('inactiveOnly') },
            ]}
          />
        </Flex>
      </Card>
      {actions.error !== null && <ErrorAlert error={actions.error} />}
      <PageState
        loading={users.loading && users.data === undefined}
        error={users.error}
        empty={shown.length === 0}
        emptyText={t('empty')}
        onRetry={users.reload}
      >
        <UserTable users={shown} selfId={me.id} actions={actions.render} />
      </PageState>
      {actions.holders}
      {grants.data !== undefined && (
        <NewUserModal
          open={creating}
          grants={grants.data}
          onClose={() => {
            setCreating(false);
          }}
          onCreated={(created) => {
            setCreating(false);
            setPassword({ ...created, kind: 'created' });
            users.reload();
          }}
        />
      )}
      <EditUserModal
        user={editing}
        onClose={() => {
          setEditing(null);
        }}
        onSaved={() => {
          setEditing(null);
          users.reload();
        }}
      />
      <OneTimePasswordModal
        shown={password}
        onClose={() => {
          setPassword(null);
        }}
      />
    </Flex>
  );
}
