/** Commitment and task statuses: the thresholds the plans' wording sets, and deadlines read in Beijing time. */
import { describe, expect, it } from 'vitest';
import { addDays, chinaToday, daysBetween, endOfYear, isIsoDate } from '../../../src/domain/tasks/dates.ts';
import { commitmentMet, commitmentStatus, milestoneStatus, taskStatus } from '../../../src/domain/tasks/status.ts';
import type { CommitmentTerms } from '../../../src/domain/tasks/status.ts';

// Real commitments of the samples, as the reader finds them.
const KINDERGARTENS: CommitmentTerms = {
  quantity: 35,
  quantityMax: null,
  unit: '所',
  approximate: true,
  comparator: null,
};
const CITY_KINDERGARTENS: CommitmentTerms = {
  quantity: 2,
  quantityMax: 3,
  unit: '所',
  approximate: false,
  comparator: null,
};
const VOCATIONAL_UNDERGRADUATE: CommitmentTerms = {
  quantity: 3,
  quantityMax: null,
  unit: '所',
  approximate: false,
  comparator: '>=',
};
const EXACT: CommitmentTerms = { quantity: 100, quantityMax: null, unit: '门', approximate: false, comparator: null };
const CEILING: CommitmentTerms = { quantity: 45, quantityMax: null, unit: '人', approximate: false, comparator: '<=' };

describe('commitment thresholds', () => {
  it('counts 左右 as met at 95% of the quantity: 34 of 35所左右, not 33', () => {
    expect(commitmentMet(KINDERGARTENS, 34)).toBe(true);
    expect(commitmentMet(KINDERGARTENS, 33)).toBe(false);
  });

  it('meets a range at its lower end, 以上 at the quantity, and an exact number only in full', () => {
    expect(commitmentMet(CITY_KINDERGARTENS, 2)).toBe(true);
    expect(commitmentMet(VOCATIONAL_UNDERGRADUATE, 3)).toBe(true);
    expect(commitmentMet(EXACT, 99)).toBe(false);
    expect(commitmentMet({ ...EXACT, comparator: '>' }, 100)).toBe(false);
  });

  it('meets a ceiling (不超过) from below', () => {
    expect(commitmentMet(CEILING, 45)).toBe(true);
    expect(commitmentMet(CEILING, 46)).toBe(false);
    expect(commitmentMet({ ...CEILING, comparator: '<' }, 45)).toBe(false);
  });
});

describe('commitment status', () => {
  const deadline = '2025-12-31';
  it('goes not started -> in progress -> done, and says why', () => {
    expect(commitmentStatus(KINDERGARTENS, null, deadline, '2024-01-01').status).toBe('not_started');
    expect(commitmentStatus(KINDERGARTENS, 0, deadline, '2024-01-01').status).toBe('not_started');
    const progress = commitmentStatus(KINDERGARTENS, 14, deadline, '2024-01-01');
    expect(progress).toMatchObject({ status: 'in_progress', label: { zh: '进行中' } });
    expect(progress.explanation.zh).toBe(
      '进行中：累计 14所（40%），承诺 35所（“左右”：达到 95% 即 33.25所 视为完成），期限 2025-12-31',
    );
    expect(commitmentStatus(KINDERGARTENS, 34, deadline, '2024-01-01').status).toBe('done');
  });

  it('is overdue the day after its deadline unless done', () => {
    expect(commitmentStatus(EXACT, 50, deadline, '2025-12-31').status).toBe('in_progress');
    const late = commitmentStatus(EXACT, 50, deadline, '2026-01-01');
    expect(late.status).toBe('overdue');
    expect(late.explanation.en).toContain('passed 1 day(s) ago');
    expect(commitmentStatus(EXACT, null, deadline, '2026-01-01').status).toBe('overdue');
    expect(commitmentStatus(EXACT, 100, deadline, '2030-01-01').status).toBe('done');
  });

  it('starts a ceiling only once a figure is reported', () => {
    expect(commitmentStatus(CEILING, null, deadline, '2024-01-01').status).toBe('not_started');
    expect(commitmentStatus(CEILING, 50, deadline, '2024-01-01').status).toBe('in_progress');
    expect(commitmentStatus(CEILING, 40, deadline, '2024-01-01').status).toBe('done');
  });
});

describe('task status', () => {
  const milestones = [
    { due: '2024-03-20', doneAt: null },
    { due: '2024-09-30', doneAt: null },
  ];
  it('is done only at 100% with every milestone done', () => {
    expect(taskStatus({ progress: 0, deadline: '2025-06-30', milestones }, '2024-03-01').status).toBe('not_started');
    expect(taskStatus({ progress: 100, deadline: '2025-06-30', milestones }, '2024-03-01').status).toBe('in_progress');
    const allDone = milestones.map((milestone) => ({ ...milestone, doneAt: '2024-03-01' }));
    expect(taskStatus({ progress: 100, deadline: '2025-06-30', milestones: allDone }, '2024-03-01').status).toBe(
      'done',
    );
    expect(taskStatus({ progress: 100, deadline: '2025-06-30', milestones: [] }, '2030-01-01').status).toBe('done');
  });

  it('names late milestones without calling the task overdue before its deadline', () => {
    const verdict = taskStatus({ progress: 0, deadline: '2025-06-30', milestones }, '2024-04-05');
    expect(verdict.status).toBe('not_started');
    expect(verdict.explanation.zh).toContain('1 个里程碑逾期');
    expect(milestoneStatus({ due: '2024-03-20', doneAt: null }, '2024-03-20')).toBe('pending');
    expect(milestoneStatus({ due: '2024-03-20', doneAt: null }, '2024-03-21')).toBe('overdue');
    expect(taskStatus({ progress: 10, deadline: '2025-06-30', milestones }, '2025-07-01').status).toBe('overdue');
  });
});

describe('dates', () => {
  it('reads the day in Beijing time, whatever the server’s zone', () => {
    expect(chinaToday(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(chinaToday(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('counts days and checks dates', () => {
    expect(endOfYear(2025)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2024-06-30', '2024-07-02')).toBe(2);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
  });
});
