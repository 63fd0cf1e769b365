/**
 * The portal's frame: the platform's name, the language switch and the staff sign-in link above, a note on what the
 * portal shows below. Narrow first: it reads on a 390 px phone and widens to 1100 px on an office screen.
 */
import { GlobalOutlined, LoginOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLocale, useT } from '../../i18n/index.tsx';
import { publicMessages } from './messages.ts';

/** The widest the portal's column grows: lines stay readable on a wide screen. */
export const PORTAL_WIDTH = 1100;

// A link that looks like the language button beside it (a button inside a link would be two controls in one).
const STAFF_LINK = {
  color: '#fff',
  border: '1px solid rgba(255, 255, 255, 0.8)',
  borderRadius: 4,
  padding: '1px 8px',
  fontSize: 14,
  whiteSpace: 'nowrap',
} as const;

export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT(publicMessages);
  const { locale, setLocale } = useLocale();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <a href="#main" className="skip-link">
        {t('skip')}
      </a>
      <Layout.Header
        style={{
          background: '#1d4f91',
          padding: '0 12px',
          height: 'auto',
          lineHeight: 1.4,
          display: 'flex',
          justifyContent: 'center',
        }}
      >
        <div
          style={{
            width: '100%',
            maxWidth: PORTAL_WIDTH,
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            padding: '10px 0',
          }}
        >
          <Link to="/public" style={{ color: '#fff', fontSize: 17, fontWeight: 600 }} data-testid="portal-name">
            <GlobalOutlined /> {t('appName')} · {t('portal')}
          </Link>
          <Space size="small">
            <Button
              size="small"
              ghost
              onClick={() => {
                setLocale(locale === 'zh' ? 'en' : 'zh');
              }}
            >
              {t('language')}
            </Button>
            <Link to="/login" style={STAFF_LINK}>
              <LoginOutlined /> {t('staffSignIn')}
            </Link>
          </Space>
        </div>
      </Layout.Header>
      <Layout.Content
        id="main"
        tabIndex={-1}
        style={{ width: '100%', maxWidth: PORTAL_WIDTH, margin: '0 auto', padding: '16px 12px 32px' }}
      >
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', padding: '16px 12px' }}>
        <Typography.Text type="secondary">{t('footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
