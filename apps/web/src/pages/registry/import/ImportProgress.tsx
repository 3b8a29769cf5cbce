import { Progress, Steps, Typography } from 'antd';
import type { ImportJob } from '../../../api/imports';
import { useT } from '../../../i18n/useT';
import { PHASE_LABELS, PHASES, phaseIndex } from './labels';

/** Step 3: reading, checking and writing, with the job's percent. */
export function ImportProgress({ job }: { job: ImportJob | undefined }) {
  const t = useT();
  const current = job ? phaseIndex(job) : 0;
  return (
    <div className="tx-import-progress" aria-live="polite">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {job ? t('registry.import.progressTitle', { file: job.fileName }) : t('registry.import.uploading')}
      </Typography.Title>
      <Steps
        size="small"
        current={current}
        style={{ margin: '16px 0 24px' }}
        items={PHASES.map((step) => ({ key: step, title: t(PHASE_LABELS[step]) }))}
      />
      <Progress percent={job?.percent ?? 0} status="active" data-testid="import-progress" />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('registry.import.progressHint')}
      </Typography.Paragraph>
    </div>
  );
}
