import { describe, expect, it } from 'vitest';
import { addMonths } from '../../platform/time.js';
import { reportingStatus, type ReportingFacts } from './reporting-rules.js';

const base: ReportingFacts = {
  status: 'in_progress',
  actualStart: '2024-01-15',
  plannedEnd: '2025-01-14',
  actualEnd: null,
  reports: [],
  milestones: [],
  followUps: [],
};

describe('reporting rules', () => {
  it('adds calendar months, keeping the day or the month’s last', () => {
    expect(addMonths('2024-01-15', 3)).toBe('2024-04-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('asks a year-long project for a report every three months from its start', () => {
    const status = reportingStatus(base, '2024-08-01');
    expect(status.overdue.map((o) => [o.kind, o.dueOn])).toEqual([
      ['progress_report', '2024-04-15'],
      ['progress_report', '2024-07-15'],
    ]);
    expect(status.nextReportDue).toBe('2024-10-15');
  });

  it('counts a period as reported when a report falls within it', () => {
    const reported = reportingStatus(
      { ...base, reports: [{ kind: 'progress', reportedOn: '2024-03-01' }] },
      '2024-08-01',
    );
    expect(reported.overdue.map((o) => o.dueOn)).toEqual(['2024-07-15']);
    // A report on the due date itself is in time.
    const onTheDay = reportingStatus(
      { ...base, reports: [{ kind: 'progress', reportedOn: '2024-04-15' }] },
      '2024-05-01',
    );
    expect(onTheDay.overdue).toEqual([]);
  });

  it('does not ask a project of six months or less for progress reports', () => {
    const short = reportingStatus({ ...base, plannedEnd: '2024-07-15' }, '2024-07-01');
    expect(short.overdue).toEqual([]);
    expect(short.nextReportDue).toBeNull();
  });

  it('wants a final report within three months after the end, short projects too', () => {
    const facts = { ...base, plannedEnd: '2024-05-31', status: 'completed' as const, actualEnd: '2024-05-20' };
    expect(reportingStatus(facts, '2024-07-01')).toEqual({ nextReportDue: '2024-08-20', overdue: [] });
    expect(reportingStatus(facts, '2024-08-21').overdue).toEqual([
      { kind: 'final_report', dueOn: '2024-08-20', title: '2024-05-20' },
    ]);
    expect(
      reportingStatus({ ...facts, reports: [{ kind: 'final', reportedOn: '2024-08-01' }] }, '2024-09-01').overdue,
    ).toEqual([]);
  });

  it('flags milestones and follow-ups past their dates, and nothing before a project starts', () => {
    const status = reportingStatus(
      {
        ...base,
        status: 'approved',
        actualStart: null,
        milestones: [
          { title: '建成 141 个基站', dueOn: '2024-06-30', achievedOn: null },
          { title: '完成招标', dueOn: '2024-03-01', achievedOn: '2024-02-20' },
        ],
        followUps: [{ action: '补齐验收资料', dueOn: '2024-05-01', done: false }],
      },
      '2024-08-01',
    );
    expect(status.overdue.map((o) => [o.kind, o.title])).toEqual([
      ['follow_up', '补齐验收资料'],
      ['milestone', '建成 141 个基站'],
    ]);
  });
});
