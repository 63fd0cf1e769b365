/** Sign-in. A failure shows the server's message and keeps what was typed; success returns to the page asked for. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { defineMessages, useLocale, useT } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

const messages = defineMessages({
  zh: {
    title: '教育规划监测评估平台',
    subtitle: '省、市、县教育规划的监测与评估',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    signIn: '登录',
    portal: '不登录，查看公开信息',
    language: 'English',
  },
  en: {
    title: 'EduPlan',
    subtitle: 'Monitoring and evaluation of province, city and county education plans',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    signIn: 'Sign in',
    portal: 'Browse public information without signing in',
    language: '中文',
  },
});

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT(messages);
  const { locale, setLocale } = useLocale();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
      void navigate(from, { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f4fa', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0, color: '#1d4f91' }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
        {error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={error} />
          </div>
        )}
        <Form<Credentials> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, display: 'flex', justifyContent: 'space-between' }}>
          <Link to="/public">{t('portal')}</Link>
          <Button
            type="link"
            size="small"
            onClick={() => {
              setLocale(locale === 'zh' ? 'en' : 'zh');
            }}
          >
            {t('language')}
          </Button>
        </div>
      </Card>
    </main>
  );
}
