import { describe, expect, it } from 'vitest';
import { annualReportClock, finalReportClock, progressClocks, remainderClock, stateOn, type Clock } from './clocks.js';

const project = {
  id: 'p1',
  name: '肉羊养殖',
  ownerOrganizationId: 'o1',
  startsOn: '2025-01-10',
  plannedEnd: '2025-12-31',
  endedOn: null,
  publicReports: [{ kind: 'progress' as const, reportedOn: '2025-03-20' }],
};

describe('disclosure clocks', () => {
  it('a project longer than six months reports every three months from its start', () => {
    const clocks = progressClocks(project, '2025-08-01');
    expect(clocks.map((c) => [c.startsOn, c.dueOn, c.doneOn])).toEqual([
      ['2025-01-10', '2025-04-10', '2025-03-20'],
      ['2025-04-10', '2025-07-10', null],
      ['2025-07-10', '2025-10-10', null],
    ]);
    expect(clocks.map((c) => stateOn(c, '2025-08-01'))).toEqual(['done', 'overdue', 'due']);
  });

  it('a project of six months or less has no progress clock', () => {
    expect(progressClocks({ ...project, plannedEnd: '2025-07-10' }, '2025-08-01')).toEqual([]);
  });

  it('a final report within three months after the end; late counts as done late', () => {
    const ended = {
      ...project,
      endedOn: '2025-06-30',
      publicReports: [{ kind: 'final' as const, reportedOn: '2025-10-08' }],
    };
    const clock = finalReportClock(ended) as Clock;
    expect(clock.dueOn).toBe('2025-09-30');
    expect(stateOn(clock, '2025-09-01')).toBe('due');
    expect(stateOn(clock, '2025-10-01')).toBe('overdue');
    expect(stateOn(clock, '2025-10-08')).toBe('done_late');
  });

  it('money left at the end is handled within three months; nothing left, nothing to do', () => {
    const ended = { ...project, endedOn: '2025-11-30' };
    expect(remainderClock(ended, { held: 0, handledOn: null })).toBeNull();
    const clock = remainderClock(ended, { held: 500_00, handledOn: null }) as Clock;
    expect([clock.dueOn, stateOn(clock, '2026-03-01')]).toEqual(['2026-02-28', 'overdue']);
  });

  it('annual work and financial reports, both, by 31 May', () => {
    const published = [
      { kind: 'annual_work_report', year: 2024, publishedOn: '2025-04-30' },
      { kind: 'annual_financial_report', year: 2024, publishedOn: '2025-05-20' },
      { kind: 'annual_work_report', year: 2023, publishedOn: '2024-05-01' },
    ];
    const of2024 = annualReportClock('o1', 2024, published);
    expect([of2024.dueOn, of2024.doneOn, stateOn(of2024, '2025-06-01')]).toEqual(['2025-05-31', '2025-05-20', 'done']);
    expect(stateOn(annualReportClock('o1', 2023, published), '2025-06-01')).toBe('overdue');
    expect(stateOn(annualReportClock('o1', 2025, published), '2025-06-01')).toBe('upcoming');
  });
});
