/** The plan's answered 意见建议, each with its answer; texts are shown as typed (React never renders them as HTML). */
import { MessageOutlined } from '@ant-design/icons';
import { Empty, Tag, Typography } from 'antd';
import type { PublicFeedback } from '../../api/feedback.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { publicMessages } from './messages.ts';

const preWrap = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 6 } as const;

export function AnsweredFeedback({ items }: { items: PublicFeedback[] }) {
  const t = useT(publicMessages);
  const { locale } = useLocale();
  const date = (iso: string | null) =>
    iso === null ? '' : new Date(iso).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en');
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noAnswered')} />;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, index) => (
        <li
          key={item.id}
          data-testid="answered-feedback"
          style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Tag>{t('about', { name: item.indicator?.name ?? t('wholePlan') })}</Tag>
            {t('askedOn', { date: date(item.createdAt) })}
          </Typography.Text>
          <Typography.Paragraph style={{ ...preWrap, marginTop: 6 }}>{item.message}</Typography.Paragraph>
          <div style={{ background: '#f0f5ff', borderLeft: '3px solid #1d4f91', padding: '6px 10px' }}>
            <Typography.Text strong>
              <MessageOutlined /> {t('reply')}
            </Typography.Text>
            {item.repliedAt !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {t('repliedOn', { date: date(item.repliedAt) })}
              </Typography.Text>
            )}
            <Typography.Paragraph style={{ ...preWrap, marginTop: 4 }} data-testid="feedback-reply">
              {item.reply}
            </Typography.Paragraph>
          </div>
        </li>
      ))}
    </ul>
  );
}
