/**
 * The plan's monitoring and evaluation reports as links the browser follows: Word and PDF download, the web page
 * opens beside. The server writes them from the published figures; the annual report is for a chosen year.
 */
import { FilePdfOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { reportLink } from '../../api/public.ts';
import type { ReportFormat, ReportKind } from '../../api/public.ts';
import { useT } from '../../i18n/index.tsx';
import { publicMessages } from './messages.ts';

const FORMATS: readonly { format: ReportFormat; label: string; icon: ReactNode }[] = [
  { format: 'docx', label: 'Word', icon: <FileWordOutlined /> },
  { format: 'pdf', label: 'PDF', icon: <FilePdfOutlined /> },
  { format: 'html', label: 'html', icon: <FileTextOutlined /> },
];

interface Props {
  planId: number;
  period: { start: number; end: number };
  /** The latest year with published figures: the annual report's default year. */
  latestYear: number;
}

function Links({ planId, kind, year }: { planId: number; kind: ReportKind; year?: number }) {
  const t = useT(publicMessages);
  return (
    <Space size="middle" wrap>
      {FORMATS.map(({ format, label, icon }) => (
        <a
          key={format}
          href={reportLink({ id: planId }, { kind, format, ...(year === undefined ? {} : { year }) })}
          {...(format === 'html' ? { target: '_blank', rel: 'noopener' } : { download: '' })}
          data-testid={`report-${kind}-${format}`}
        >
          {icon} {format === 'html' ? t('html') : label}
        </a>
      ))}
    </Space>
  );
}

export function ReportLinks({ planId, period, latestYear }: Props) {
  const t = useT(publicMessages);
  const years = Array.from({ length: period.end - period.start + 1 }, (_, index) => period.start + index);
  const [year, setYear] = useState(Math.min(Math.max(latestYear, period.start), period.end));
  const rows: { kind: ReportKind; title: string; extra?: ReactNode; year?: number }[] = [
    {
      kind: 'annual',
      title: t('annual'),
      year,
      extra: (
        <Select
          size="small"
          aria-label={t('reportYear')}
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value, label: t('yearValue', { year: value }) }))}
          style={{ width: 96 }}
        />
      ),
    },
    { kind: 'midterm', title: t('midterm') },
    { kind: 'final', title: t('final') },
  ];
  return (
    <Flex vertical gap={10}>
      {rows.map((row) => (
        <Flex key={row.kind} wrap align="center" gap={8} justify="space-between">
          <Space size={8}>
            <Typography.Text strong>{row.title}</Typography.Text>
            {row.extra}
          </Space>
          <Links planId={planId} kind={row.kind} {...(row.year === undefined ? {} : { year: row.year })} />
        </Flex>
      ))}
    </Flex>
  );
}
