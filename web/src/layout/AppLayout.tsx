/**
 * The signed-in workspace: a side menu of the sections the user's role has, and a header with the user's region and
 * role, the language switch and sign-out. Fits 1366×768: the menu folds to icons below 1200 px.
 */
import {
  AuditOutlined,
  BarChartOutlined,
  FileTextOutlined,
  FormOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MessageOutlined,
  ProjectOutlined,
  SnippetsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { getRegion } from '../api/regions.ts';
import { useApi } from '../hooks/useApi.ts';
import { useBilingual, useLocale, useT } from '../i18n/index.tsx';
import { ROLE_LABELS, sectionsOf } from '../roles.ts';
import type { Section } from '../roles.ts';
import { useUser, useSession } from '../session.tsx';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import { layoutMessages } from './messages.ts';

const ICONS: Readonly<Record<Section, ReactNode>> = {
  overview: <BarChartOutlined />,
  plans: <FileTextOutlined />,
  data: <FormOutlined />,
  review: <AuditOutlined />,
  tasks: <ProjectOutlined />,
  reports: <SnippetsOutlined />,
  feedback: <MessageOutlined />,
  users: <TeamOutlined />,
};

const PATHS: Readonly<Record<Section, string>> = {
  overview: '/',
  plans: '/plans',
  data: '/data',
  review: '/review',
  tasks: '/tasks',
  reports: '/reports',
  feedback: '/feedback',
  users: '/users',
};

function sectionOfPath(pathname: string): Section {
  const found = (Object.entries(PATHS) as [Section, string][]).find(
    ([, path]) => path !== '/' && pathname.startsWith(path),
  );
  return found?.[0] ?? 'overview';
}

/** "忻府区 · 忻州市 · 山西省" for the header. */
function RegionName({ code }: { code: string | null }) {
  const t = useT(layoutMessages);
  const { data } = useApi(() => (code === null ? null : getRegion({ code })), [code]);
  if (code === null) return <span>{t('allRegions')}</span>;
  if (data === undefined) return <span>{code}</span>;
  return (
    <span data-testid="header-region">{[data.region, ...data.region.ancestors].map((r) => r.name).join(' · ')}</span>
  );
}

export function AppLayout() {
  const t = useT(layoutMessages);
  const text = useBilingual();
  const user = useUser();
  const { signOut } = useSession();
  const { locale, setLocale } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const sections = sectionsOf(user.role);
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('skip')}
      </a>
      <Layout.Sider
        breakpoint="xl"
        collapsedWidth={64}
        width={188}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div
          style={{ padding: '16px 12px', fontWeight: 600, color: '#1d4f91', whiteSpace: 'nowrap', overflow: 'hidden' }}
        >
          EduPlan
        </div>
        <Menu
          mode="inline"
          selectedKeys={[sectionOfPath(location.pathname)]}
          items={sections.map((section) => ({
            key: section,
            icon: ICONS[section],
            label: <Link to={PATHS[section]}>{t(section)}</Link>,
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 20px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('appName')}
          </Typography.Text>
          <Space size="middle">
            <RegionName code={user.regionCode} />
            <Tag color="blue" data-testid="header-role">
              {text(ROLE_LABELS[user.role])}
            </Tag>
            <Button
              type="link"
              size="small"
              icon={<KeyOutlined />}
              title={t('changePassword')}
              aria-label={`${user.displayName} · ${t('changePassword')}`}
              onClick={() => {
                setChangingPassword(true);
              }}
            >
              {user.displayName}
            </Button>
            <Link to="/public" target="_blank">
              <GlobalOutlined /> {t('portal')}
            </Link>
            <Button
              size="small"
              onClick={() => {
                setLocale(locale === 'zh' ? 'en' : 'zh');
              }}
            >
              {t('language')}
            </Button>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => {
                void signOut().then(() => navigate('/login'));
              }}
            >
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <ChangePasswordModal
          open={changingPassword}
          onClose={() => {
            setChangingPassword(false);
          }}
        />
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
