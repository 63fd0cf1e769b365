/**
 * 数据填报: a region's figures for a year (both in the address, `/data?region=140902&year=2024`), entered in a form or
 * through the XLSX template. A county reporter enters its own county; a province administrator may pick a region
 * below it; a city administrator reads its counties' figures here and reviews them under 审核.
 */
import { Alert, Empty, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { User } from '../../api/auth.ts';
import { listObservations, getDataSet } from '../../api/observations.ts';
import type { Observation, ReportResult, ReportWarning } from '../../api/observations.ts';
import { getRegion, listRegions } from '../../api/regions.ts';
import type { Region } from '../../api/regions.ts';
import { ErrorAlert, PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { EntryForm } from './EntryForm.tsx';
import type { Entry } from './EntryForm.tsx';
import { dataMessages } from './messages.ts';

const LATEST_YEAR = new Date().getFullYear();
/** The years offered: the current year and the six before it (a five-year plan and its baseline year). */
const YEARS = Array.from({ length: 7 }, (_v, index) => LATEST_YEAR - index);
/** Figures are reported the year after they describe. */
const DEFAULT_YEAR = LATEST_YEAR - 1;
/** The most figures one region has for one year is the data set's size; the API pages at 1,000. */
const PAGE = 1000;

/** Each load gets a new number: the form is rebuilt from what the server holds after every load, never before. */
let loads = 0;

interface LoadedEntry extends Entry {
  load: number;
}

const byIndicator = (items: readonly Observation[]): Map<string, Observation> =>
  new Map(items.map((item) => [item.indicator, item]));

async function loadEntry(region: string, year: number): Promise<LoadedEntry> {
  const [dataSet, current, previous] = await Promise.all([
    getDataSet(undefined, { region, year }),
    listObservations(undefined, { region, year, limit: PAGE }),
    listObservations(undefined, { region, year: year - 1, limit: PAGE }),
  ]);
  loads += 1;
  return { dataSet, current: byIndicator(current.items), previous: byIndicator(previous.items), load: loads };
}

/** The regions a user may open here: their own, and for an administrator the regions directly below it. */
async function regionChoices(role: User['role'], regionCode: string | null): Promise<Region[]> {
  if (regionCode === null) return [];
  const { region } = await getRegion({ code: regionCode });
  if (role === 'county_reporter') return [region];
  const { regions } = await listRegions(undefined, { parent: regionCode });
  return [region, ...regions];
}

/**
 * Whether the user may enter a region's figures. The server's permission matrix decides; this only spares people a
 * refusal: a province administrator enters for its whole province, everybody else for their own region only.
 */
function mayEnter(user: User, region: string): boolean {
  return user.role === 'province_admin' || user.regionCode === region;
}

function yearOf(text: string | null): number {
  const year = Number(text);
  return Number.isInteger(year) && year >= 1949 && year <= 2100 ? year : DEFAULT_YEAR;
}

/** The warnings a stored batch passed with (large changes, explained), until the region or year changes. */
interface Notice {
  key: string;
  warnings: ReportWarning[];
}

export default function DataEntryPage() {
  const t = useT(dataMessages);
  const text = useBilingual();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? user.regionCode;
  const year = yearOf(params.get('year'));
  const [notice, setNotice] = useState<Notice | null>(null);

  const { role, regionCode } = user;
  const choices = useApi(() => regionChoices(role, regionCode), [role, regionCode]);
  const entry = useApi(() => (region === null ? null : loadEntry(region, year)), [region, year]);

  const choose = (next: { region?: string; year?: number }) => {
    const search = new URLSearchParams(params);
    if (next.region !== undefined) search.set('region', next.region);
    if (next.year !== undefined) search.set('year', String(next.year));
    setParams(search);
  };

  const loaded = entry.data;
  const loadedKey = loaded === undefined ? '' : `${loaded.dataSet.region}:${String(loaded.dataSet.year)}`;
  const { reload } = entry;
  const onStored = useCallback(
    (result: ReportResult) => {
      setNotice({ key: loadedKey, warnings: result.warnings });
      reload();
    },
    [loadedKey, reload],
  );
  const regionName =
    choices.data?.find((one) => one.code === region)?.name ?? loaded?.dataSet.regionName ?? region ?? '';
  const shownNotice = notice !== null && notice.key === `${region ?? ''}:${String(year)}` ? notice : null;

  return (
    <div>
      <Space align="center" wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('entryTitle')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="data-region">{t('region')}</label>
          <Select
            id="data-region"
            style={{ width: 180 }}
            value={region ?? undefined}
            loading={choices.loading}
            disabled={(choices.data?.length ?? 0) <= 1}
            options={(choices.data ?? []).map((one) => ({ value: one.code, label: one.name }))}
            onChange={(code: string) => {
              choose({ region: code });
            }}
          />
          <label htmlFor="data-year">{t('year')}</label>
          <Select
            id="data-year"
            style={{ width: 110 }}
            value={year}
            options={YEARS.map((one) => ({ value: one, label: t('yearOption', { year: one }) }))}
            onChange={(next: number) => {
              choose({ year: next });
            }}
          />
        </Space>
      </Space>
      {choices.error !== null && <ErrorAlert error={choices.error} onRetry={choices.reload} />}
      {region !== null && !mayEnter(user, region) && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('readOnly', { region: regionName })} />
      )}
      {shownNotice !== null && shownNotice.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{
            onClose: () => {
              setNotice(null);
            },
          }}
          style={{ marginBottom: 12 }}
          title={t('savedWarnings')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {shownNotice.warnings.map((warning, index) => (
                <li key={index}>{text(warning.messages)}</li>
              ))}
            </ul>
          }
        />
      )}
      {loaded !== undefined && entry.error !== null && <ErrorAlert error={entry.error} onRetry={entry.reload} />}
      <PageState
        loading={loaded === undefined && entry.loading}
        error={loaded === undefined ? entry.error : null}
        onRetry={entry.reload}
      >
        {loaded !== undefined &&
          (loaded.dataSet.items.length === 0 ? (
            <Empty description={t('emptyDataSet', { year: loaded.dataSet.year, region: loaded.dataSet.regionName })} />
          ) : (
            <Spin spinning={entry.loading}>
              <EntryForm
                key={loaded.load}
                entry={loaded}
                readOnly={!mayEnter(user, loaded.dataSet.region)}
                onStored={onStored}
              />
            </Spin>
          ))}
      </PageState>
    </div>
  );
}
