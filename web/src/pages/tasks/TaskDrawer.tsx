/**
 * One task in a drawer: the heading it comes from (with its source line), units, regions, deadline, milestones and
 * where it stands; the progress report (percent, milestones done, a note), a new milestone (the plan's reviewers),
 * evidence and history. Each write names the lock the screen read; on a conflict the list reloads and the forms keep
 * what was typed. Who may do what is the server's to say, in place.
 */
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { addTaskLink, reportTaskProgress, taskHistory, updateTask, uploadTaskEvidence } from '../../api/tracking.ts';
import type { Milestone, Task, TaskProgress } from '../../api/tracking.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { tasksMessages } from './messages.ts';
import { TrackStatusTag } from './TrackStatusTag.tsx';
import { useWrite, WriteError } from './useWrite.tsx';

interface ProgressValues {
  progress: number | null;
  done: number[];
  note: string;
}

interface MilestoneValues {
  title: string;
  due: Dayjs | null;
}

/** The reported fields as the form shows them. */
interface Shown {
  progress: number;
  done: number[];
}

const shownOf = (task: Task): Shown => ({
  progress: task.progress,
  done: task.milestones.filter((one) => one.doneAt !== null).map((one) => one.position),
});

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/**
 * The report the person made, from what they were shown: progress if they changed it, milestones they ticked (done
 * today, the server's day) or unticked (reopened), and the note. A field left alone never overwrites what someone
 * else reported meanwhile.
 */
function reportOf(shown: Shown, values: ProgressValues, lock: number, today: string): TaskProgress | null {
  const report: TaskProgress = { lock };
  if (values.progress !== null && values.progress !== shown.progress) report.progress = values.progress;
  const ticked = values.done.filter((position) => !shown.done.includes(position));
  const unticked = shown.done.filter((position) => !values.done.includes(position));
  const milestones = [
    ...ticked.map((position) => ({ position, doneAt: today })),
    ...unticked.map((position) => ({ position, doneAt: null })),
  ];
  if (milestones.length > 0) report.milestones = milestones;
  if (report.progress === undefined && report.milestones === undefined) return null;
  const note = values.note.trim();
  return note === '' ? report : { ...report, note };
}

function MilestoneLine({ milestone }: { milestone: Milestone }) {
  const t = useT(tasksMessages);
  const status =
    milestone.doneAt !== null
      ? t('milestoneDone', { date: milestone.doneAt })
      : milestone.status === 'overdue'
        ? t('milestoneOverdue', { date: milestone.due })
        : t('milestonePending', { date: milestone.due });
  return (
    <span>
      {milestone.title}{' '}
      <Typography.Text type={milestone.status === 'overdue' ? 'danger' : 'secondary'}>（{status}）</Typography.Text>
    </span>
  );
}

function TaskDetail({ task, today, onChanged }: { task: Task; today: string; onChanged: () => void }) {
  const t = useT(tasksMessages);
  const text = useBilingual();
  const { message } = App.useApp();
  const [progressForm] = Form.useForm<ProgressValues>();
  const [milestoneForm] = Form.useForm<MilestoneValues>();
  const progress = useWrite();
  const milestone = useWrite();
  const [version, setVersion] = useState(0);
  const history = useApi(() => taskHistory({ id: task.id }), [task.id, version]);
  // What the progress form was filled from; on a reload, fields left alone take the new values (see CommitmentDrawer).
  const shown = useRef({ values: shownOf(task), lock: task.lock });
  useEffect(() => {
    if (shown.current.lock === task.lock) return;
    const before = shown.current.values;
    const next = shownOf(task);
    const values = progressForm.getFieldsValue();
    if (values.progress === before.progress) progressForm.setFieldValue('progress', next.progress);
    if (sameSet(values.done, before.done)) progressForm.setFieldValue('done', next.done);
    shown.current = { values: next, lock: task.lock };
  }, [task, progressForm]);

  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };

  const submitProgress = async (values: ProgressValues) => {
    const report = reportOf(shown.current.values, values, task.lock, today);
    if (report === null) {
      void message.info(t('nothingChanged'));
      return;
    }
    const saved = await progress.run(() => reportTaskProgress({ id: task.id }, report), onChanged);
    if (saved !== undefined) {
      progressForm.setFieldValue('note', '');
      void message.success(t('saved'));
      changed();
    }
  };

  const submitMilestone = async (values: MilestoneValues) => {
    if (values.due === null) return;
    const milestones = [
      ...task.milestones.map((one) => ({ title: one.title, due: one.due, doneAt: one.doneAt })),
      { title: values.title.trim(), due: values.due.format('YYYY-MM-DD') },
    ];
    const saved = await milestone.run(() => updateTask({ id: task.id }, { milestones, lock: task.lock }), onChanged);
    if (saved !== undefined) {
      milestoneForm.resetFields();
      void message.success(t('milestoneAdded'));
      changed();
    }
  };

  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'title',
            label: t('task'),
            children: (
              <>
                {task.title}{' '}
                <Link to={`/plans/${String(task.planId)}?line=${String(task.section.line)}`}>
                  {t('sourceLine', { line: task.section.line })}
                </Link>
              </>
            ),
          },
          { key: 'section', label: t('section'), children: `${task.section.number}${task.section.title}` },
          { key: 'lead', label: t('leadUnit'), children: task.leadUnit },
          {
            key: 'partners',
            label: t('partnerUnits'),
            children: task.partnerUnits.length === 0 ? t('none') : task.partnerUnits.join('、'),
          },
          {
            key: 'regions',
            label: t('regions'),
            children:
              task.regions.length === 0
                ? t('wholeRegion')
                : task.regions.map((region) => region.name ?? region.code).join('、'),
          },
          { key: 'deadline', label: t('deadline'), children: task.deadline },
          {
            key: 'progress',
            label: t('progress'),
            children: <Progress percent={task.progress} size="small" style={{ width: 200 }} />,
          },
          {
            key: 'milestones',
            label: t('milestones'),
            children:
              task.milestones.length === 0 ? (
                t('noMilestones')
              ) : (
                <ol style={{ margin: 0, paddingLeft: 18 }}>
                  {task.milestones.map((one) => (
                    <li key={one.position}>
                      <MilestoneLine milestone={one} />
                    </li>
                  ))}
                </ol>
              ),
          },
          {
            key: 'status',
            label: t('status'),
            children: (
              <>
                <TrackStatusTag status={task.status} label={task.label} />
                <div style={{ marginTop: 4 }}>{text(task.explanation)}</div>
              </>
            ),
          },
        ]}
      />

      <Divider titlePlacement="start">{t('reportProgress')}</Divider>
      <WriteError error={progress.error} />
      <Form<ProgressValues>
        form={progressForm}
        layout="vertical"
        initialValues={{
          progress: task.progress,
          done: task.milestones.filter((one) => one.doneAt !== null).map((one) => one.position),
          note: '',
        }}
        onFinish={(values) => {
          void submitProgress(values);
        }}
      >
        <Form.Item name="progress" label={t('progressLabel')}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {task.milestones.length > 0 && (
          <Form.Item name="done" label={t('milestonesLabel')}>
            <Checkbox.Group>
              <Space orientation="vertical">
                {task.milestones.map((one) => (
                  <Checkbox key={one.position} value={one.position}>
                    <MilestoneLine milestone={one} />
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('notePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={progress.busy}>
          {t('save')}
        </Button>
      </Form>

      <Divider titlePlacement="start">{t('addMilestone')}</Divider>
      <WriteError error={milestone.error} />
      <Form<MilestoneValues>
        form={milestoneForm}
        layout="inline"
        initialValues={{ title: '', due: null }}
        onFinish={(values) => {
          void submitMilestone(values);
        }}
      >
        <Form.Item
          name="title"
          label={t('milestoneTitle')}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('milestoneTitle') }) }]}
        >
          <Input maxLength={200} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="due"
          label={t('milestoneDue')}
          rules={[{ required: true, message: t('required', { field: t('milestoneDue') }) }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Button htmlType="submit" loading={milestone.busy}>
          {t('add')}
        </Button>
      </Form>

      <Divider titlePlacement="start">{t('evidenceTitle')}</Divider>
      <EvidencePanel
        evidence={task.evidence}
        uploadFile={(form) => uploadTaskEvidence({ id: task.id }, form)}
        addLink={(link) => addTaskLink({ id: task.id }, link)}
        onAdded={changed}
      />

      <Divider titlePlacement="start">{t('history')}</Divider>
      <PageState loading={history.loading && history.data === undefined} error={history.error} onRetry={history.reload}>
        <HistoryTimeline items={history.data?.items ?? []} />
      </PageState>
    </>
  );
}

/** The drawer; `task` is the task as last loaded (undefined: closed); `today` the server's day. */
export function TaskDrawer({
  task,
  today,
  onClose,
  onChanged,
}: {
  task: Task | undefined;
  today: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT(tasksMessages);
  return (
    <Drawer
      open={task !== undefined}
      onClose={onClose}
      size={620}
      destroyOnHidden
      title={task === undefined ? '' : t('drawerTask', { n: task.id })}
    >
      {task !== undefined && <TaskDetail key={task.id} task={task} today={today} onChanged={onChanged} />}
    </Drawer>
  );
}
