/**
 * A plan: its document on the left, its structure on the right, each pane scrolling on its own (1366×768 included).
 * Clicking an item of the structure shows its source line highlighted; the line is kept in the address (?line=93),
 * so a link to a line (from the review screen, a report, a colleague) opens the document there.
 */
import { AuditOutlined } from '@ant-design/icons';
import { Button, Splitter } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { getPlan, getPlanSource } from '../../api/plan-detail.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { JumpContext } from './jump.tsx';
import type { Jump } from './jump.tsx';
import { planMessages } from './messages.ts';
import { canReviewPlans } from './permissions.ts';
import { isPlanMissing, PlanMissing } from './PlanMissing.tsx';
import { PlanHeading } from './PlanHeading.tsx';
import { PlanStructure } from './PlanStructure.tsx';
import { SourceView } from './SourceView.tsx';

/** The address's ?line=N, or null. */
function lineOf(search: URLSearchParams): number | null {
  const line = Number(search.get('line'));
  return Number.isInteger(line) && line > 0 ? line : null;
}

export default function PlanPage() {
  const t = useT(planMessages);
  const user = useUser();
  const navigate = useNavigate();
  const planId = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const plan = useApi(() => getPlan({ id: planId }), [planId]);
  const source = useApi(() => getPlanSource({ id: planId }), [planId]);

  // The address holds the line; seq makes a second click on the same item scroll to it again.
  const [seq, setSeq] = useState(0);
  const line = lineOf(search);
  const jump = useMemo<Jump | null>(() => (line === null ? null : { line, seq }), [line, seq]);
  const jumpTo = useCallback(
    (next: number) => {
      setSeq((n) => n + 1);
      setSearch({ line: String(next) }, { replace: true });
    },
    [setSearch],
  );
  const jumpState = useMemo(() => ({ active: line, jumpTo }), [line, jumpTo]);

  const error = plan.error ?? source.error;
  if (error !== null && isPlanMissing(error)) return <PlanMissing error={error} />;
  const retry = () => {
    plan.reload();
    source.reload();
  };
  return (
    <PageState loading={plan.data === undefined || source.data === undefined} error={error} onRetry={retry}>
      {plan.data !== undefined && source.data !== undefined && (
        <JumpContext.Provider value={jumpState}>
          <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 96px)', minHeight: 520 }}>
            <PlanHeading
              plan={plan.data}
              actions={
                plan.data.status === 'draft' && canReviewPlans(user.role) ? (
                  <Button
                    type="primary"
                    icon={<AuditOutlined />}
                    onClick={() => void navigate(`/plans/${planId}/review`)}
                  >
                    {t('toReview')}
                  </Button>
                ) : undefined
              }
            />
            <Splitter style={{ flex: 1, minHeight: 0, marginTop: 12, border: '1px solid #f0f0f0', background: '#fff' }}>
              <Splitter.Panel defaultSize="46%" min="25%" max="75%">
                <SourceView text={source.data.text} jump={jump} height="100%" />
              </Splitter.Panel>
              <Splitter.Panel>
                <section
                  aria-label={t('structure')}
                  style={{ height: '100%', overflowY: 'auto', padding: '0 12px 12px' }}
                  data-testid="structure-pane"
                >
                  <PlanStructure plan={plan.data} />
                </section>
              </Splitter.Panel>
            </Splitter>
          </div>
        </JumpContext.Provider>
      )}
    </PageState>
  );
}
