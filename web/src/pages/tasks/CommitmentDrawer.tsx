/**
 * One commitment in a drawer: what the plan promised (with its source line), where it stands and why, the form to
 * update it (quantity achieved; responsible unit and deadline for the plan's reviewers — the server decides and its
 * refusal shows in place), its evidence and its history. A save names the lock the screen read; on a conflict the
 * list reloads and the form keeps what was typed.
 */
import { App, Button, DatePicker, Descriptions, Divider, Drawer, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  addCommitmentLink,
  commitmentHistory,
  updateCommitment,
  uploadCommitmentEvidence,
} from '../../api/tracking.ts';
import type { Commitment, CommitmentPatch } from '../../api/tracking.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { plain, promised } from './format.ts';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { tasksMessages } from './messages.ts';
import { TrackStatusTag } from './TrackStatusTag.tsx';
import { useWrite, WriteError } from './useWrite.tsx';

interface Values {
  achieved: number | null;
  responsibleUnit: string;
  deadline: Dayjs | null;
  note: string;
}

/** The tracked fields as the form shows them. */
interface Shown {
  achieved: number | null;
  responsibleUnit: string;
  deadline: string;
}

const shownOf = (item: Commitment): Shown => ({
  achieved: item.achieved,
  responsibleUnit: item.responsibleUnit ?? '',
  deadline: item.deadline,
});

const dateOf = (value: Dayjs | null): string | null => value?.format('YYYY-MM-DD') ?? null;

/**
 * Only what the person changed from what they were shown is sent: the unit and deadline need a reviewer's right, the
 * quantity a reporter's, and a field left alone never overwrites what someone else saved meanwhile.
 */
function patchOf(shown: Shown, values: Values, lock: number): CommitmentPatch | null {
  const patch: CommitmentPatch = { lock };
  if (values.achieved !== null && values.achieved !== shown.achieved) patch.achieved = values.achieved;
  const unit = values.responsibleUnit.trim();
  if (unit !== shown.responsibleUnit) patch.responsibleUnit = unit === '' ? null : unit;
  const deadline = dateOf(values.deadline);
  if (deadline !== null && deadline !== shown.deadline) patch.deadline = deadline;
  if (Object.keys(patch).length === 1) return null;
  const note = values.note.trim();
  return note === '' ? patch : { ...patch, note };
}

function CommitmentDetail({ item, onChanged }: { item: Commitment; onChanged: () => void }) {
  const t = useT(tasksMessages);
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useWrite();
  const [version, setVersion] = useState(0);
  const key = { id: item.planId, position: item.position };
  const history = useApi(() => commitmentHistory(key), [item.planId, item.position, version]);
  // What the form was filled from. When the item reloads (after a save, or a conflict), the fields the person left
  // alone take the new values and the ones they changed keep what they typed.
  const shown = useRef({ values: shownOf(item), lock: item.lock });
  useEffect(() => {
    if (shown.current.lock === item.lock) return;
    const before = shown.current.values;
    const next = shownOf(item);
    const values = form.getFieldsValue();
    if (values.achieved === before.achieved) form.setFieldValue('achieved', next.achieved);
    if (values.responsibleUnit.trim() === before.responsibleUnit) {
      form.setFieldValue('responsibleUnit', next.responsibleUnit);
    }
    if (dateOf(values.deadline) === before.deadline) form.setFieldValue('deadline', dayjs(next.deadline));
    shown.current = { values: next, lock: item.lock };
  }, [item, form]);

  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };

  const submit = async (values: Values) => {
    const patch = patchOf(shown.current.values, values, item.lock);
    if (patch === null) {
      void message.info(t('nothingChanged'));
      return;
    }
    const saved = await save.run(() => updateCommitment(key, patch), onChanged);
    if (saved !== undefined) {
      form.setFieldValue('note', '');
      void message.success(t('saved'));
      changed();
    }
  };

  const deadlineSource =
    item.deadlineSource === 'plan'
      ? t('deadlineFromPlan')
      : item.deadlineSource === 'commitment'
        ? t('deadlineFromCommitment')
        : null;

  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'text',
            label: t('commitment'),
            children: (
              <>
                {item.text}{' '}
                <Link to={`/plans/${String(item.planId)}?line=${String(item.line)}`}>
                  {t('sourceLine', { line: item.line })}
                </Link>
              </>
            ),
          },
          {
            key: 'group',
            label: item.project === null ? t('section') : t('project'),
            children:
              item.project === null
                ? (item.section ?? t('proseCommitment'))
                : `专栏${String(item.project.number)} ${item.project.title}${item.subproject === null ? '' : ` · ${item.subproject}`}`,
          },
          { key: 'quantity', label: t('quantity'), children: promised(item, t('approximate')) },
          {
            key: 'achieved',
            label: t('achieved'),
            children:
              item.achieved === null ? (
                <Typography.Text type="secondary">{t('notReported')}</Typography.Text>
              ) : (
                `${plain(item.achieved)}${item.unit}${item.percent === null ? '' : `（${plain(item.percent)}%）`}`
              ),
          },
          { key: 'unit', label: t('responsibleUnit'), children: item.responsibleUnit ?? t('noUnit') },
          {
            key: 'deadline',
            label: t('deadline'),
            children: `${item.deadline}${deadlineSource === null ? '' : `（${deadlineSource}）`}`,
          },
          {
            key: 'status',
            label: t('status'),
            children: (
              <>
                <TrackStatusTag status={item.status} label={item.label} />
                <div style={{ marginTop: 4 }}>{text(item.explanation)}</div>
              </>
            ),
          },
        ]}
      />

      <Divider titlePlacement="start">{t('update')}</Divider>
      <WriteError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          achieved: item.achieved,
          responsibleUnit: item.responsibleUnit ?? '',
          deadline: dayjs(item.deadline),
          note: '',
        }}
        onFinish={(values) => {
          void submit(values);
        }}
      >
        <Form.Item name="achieved" label={t('achievedLabel', { unit: item.unit })}>
          <InputNumber min={0} max={1e12} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="responsibleUnit" label={t('responsibleUnitLabel')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="deadline" label={t('deadlineLabel')}>
          <DatePicker format="YYYY-MM-DD" allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('notePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.busy}>
          {t('save')}
        </Button>
      </Form>

      <Divider titlePlacement="start">{t('evidenceTitle')}</Divider>
      <EvidencePanel
        evidence={item.evidence}
        uploadFile={(form) => uploadCommitmentEvidence(key, form)}
        addLink={(link) => addCommitmentLink(key, link)}
        onAdded={changed}
      />

      <Divider titlePlacement="start">{t('history')}</Divider>
      <PageState loading={history.loading && history.data === undefined} error={history.error} onRetry={history.reload}>
        <HistoryTimeline items={history.data?.items ?? []} />
      </PageState>
    </>
  );
}

/** The drawer; `item` is the commitment as last loaded (undefined: closed). */
export function CommitmentDrawer({
  item,
  onClose,
  onChanged,
}: {
  item: Commitment | undefined;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT(tasksMessages);
  return (
    <Drawer
      open={item !== undefined}
      onClose={onClose}
      size={600}
      destroyOnHidden
      title={item === undefined ? '' : t('drawerCommitment', { n: item.position })}
    >
      {item !== undefined && (
        <CommitmentDetail key={`${String(item.planId)}-${String(item.position)}`} item={item} onChanged={onChanged} />
      )}
    </Drawer>
  );
}
