import {
  CloudUploadOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  HomeOutlined,
  InboxOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Radio, Row, Skeleton, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { downloadTemplate, fetchImport, startImport, type ImportKind, type ImportMode } from '../../../api/imports';
import { keys } from '../../../api/keys';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ErrorState } from '../../../components/ErrorState';
import { useT } from '../../../i18n/useT';
import { useSessionUser } from '../../../session/SessionUserContext';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';
import { KIND_LABELS } from './labels';
import { RecentImports } from './RecentImports';

const ACCEPT = ['.xlsx', '.csv'];

/** Kind of rows: what the file holds, with its template. */
function ChooseKind({ kind, onKind }: { kind: ImportKind; onKind: (kind: ImportKind) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const template = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') => downloadTemplate(kind, format),
    onSuccess: (name) => void message.success(t('registry.import.templateDownloaded', { name })),
    onError: (error) => void message.error(error.message),
  });
  const choices: { value: ImportKind; icon: React.ReactNode; hint: Parameters<typeof t>[0] }[] = [
    { value: 'households', icon: <HomeOutlined />, hint: 'registry.import.kind.householdsHint' },
    { value: 'persons', icon: <TeamOutlined />, hint: 'registry.import.kind.personsHint' },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('registry.import.chooseKind')}
      </Typography.Title>
      <Radio.Group
        value={kind}
        onChange={(event) => onKind(event.target.value as ImportKind)}
        style={{ display: 'block' }}
        aria-label={t('registry.import.chooseKind')}
      >
        <Row gutter={[16, 16]}>
          {choices.map((choice) => (
            <Col xs={24} md={12} key={choice.value}>
              <label className={`tx-choice-card${kind === choice.value ? ' tx-choice-card-active' : ''}`}>
                <Radio value={choice.value}>
                  <span className="tx-choice-title">
                    {choice.icon} {t(KIND_LABELS[choice.value])}
                  </span>
                </Radio>
                <span className="tx-choice-hint">{t(choice.hint)}</span>
              </label>
            </Col>
          ))}
        </Row>
      </Radio.Group>
      <div className="tx-template-box">
        <div>
          <Typography.Text strong>{t('registry.import.templateTitle')}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('registry.import.templateHint')}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          <Button
            icon={<FileExcelOutlined />}
            loading={template.isPending && template.variables === 'xlsx'}
            onClick={() => template.mutate('xlsx')}
          >
            {t('registry.import.templateXlsx')}
          </Button>
          <Button
            icon={<FileTextOutlined />}
            loading={template.isPending && template.variables === 'csv'}
            onClick={() => template.mutate('csv')}
          >
            {t('registry.import.templateCsv')}
          </Button>
        </Space>
      </div>
    </>
  );
}

type UploadProps = {
  kind: ImportKind;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  file: File | null;
  onFile: (file: File | null) => void;
};

/** The file and how strictly to take it. */
function ChooseFile({ kind, mode, onMode, file, onFile }: UploadProps) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('registry.import.chooseFile', { kind: t(KIND_LABELS[kind]) })}
      </Typography.Title>
      <Upload.Dragger
        accept={ACCEPT.join(',')}
        maxCount={1}
        multiple={false}
        fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(chosen) => {
          const name = chosen.name.toLowerCase();
          if (!ACCEPT.some((extension) => name.endsWith(extension))) {
            void message.error(t('registry.import.wrongType'));
            return Upload.LIST_IGNORE;
          }
          onFile(chosen);
          // The file is sent with the mode when the user starts the import, not now.
          return false;
        }}
        onRemove={() => onFile(null)}
        data-testid="import-dragger"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('registry.import.dropText')}</p>
        <p className="ant-upload-hint">{t('registry.import.dropHint')}</p>
      </Upload.Dragger>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('registry.import.chooseMode')}
      </Typography.Title>
      <Radio.Group
        value={mode}
        onChange={(event) => onMode(event.target.value as ImportMode)}
        style={{ display: 'block' }}
        aria-label={t('registry.import.chooseMode')}
      >
        <Row gutter={[16, 16]}>
          {(['all', 'valid'] as const).map((value) => (
            <Col xs={24} md={12} key={value}>
              <label className={`tx-choice-card${mode === value ? ' tx-choice-card-active' : ''}`}>
                <Radio value={value}>
                  <span className="tx-choice-title">{t(`registry.import.mode.${value}`)}</span>
                </Radio>
                <span className="tx-choice-hint">{t(`registry.import.mode.${value}Hint`)}</span>
              </label>
            </Col>
          ))}
        </Row>
      </Radio.Group>
    </>
  );
}

/**
 * 数据导入: choose what to import and get the template, upload the file, follow the check, and read the
 * result with the problems and the error report; a corrected file goes in again from step 2.
 */
export function ImportPage() {
  const t = useT();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [step, setStep] = useState<0 | 1>(0);
  const [kind, setKind] = useState<ImportKind>('households');
  const [mode, setMode] = useState<ImportMode>('all');
  const [file, setFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);

  const job = useQuery({
    queryKey: keys.importJob(jobId ?? ''),
    queryFn: ({ signal }) => fetchImport(jobId ?? '', signal),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });
  const start = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('no file');
      return startImport(kind, mode, file);
    },
    onSuccess: (started) => {
      queryClient.setQueryData(keys.importJob(started.id), started);
      setParams({ job: started.id });
    },
    onError: setRefusal,
  });

  // When an import ends, the lists it changed are read again.
  const status = job.data?.status;
  const finished = useRef<string | null>(null);
  useEffect(() => {
    if (!jobId || !status || status === 'running' || finished.current === jobId) return;
    finished.current = jobId;
    void queryClient.invalidateQueries({ queryKey: keys.imports });
    void queryClient.invalidateQueries({ queryKey: keys.households });
    void queryClient.invalidateQueries({ queryKey: keys.villages });
  }, [jobId, status, queryClient]);

  const showJob = (id: string) => setParams({ job: id });
  const backToUpload = () => {
    if (job.data) {
      setKind(job.data.kind);
      setMode(job.data.mode);
    }
    setFile(null);
    setRefusal(null);
    setStep(1);
    setParams({});
  };
  const restart = () => {
    setFile(null);
    setRefusal(null);
    setStep(0);
    setParams({});
  };

  const current = jobId ? (job.data && job.data.status !== 'running' ? 3 : 2) : step;

  let body: React.ReactNode;
  if (jobId && job.isError) {
    body = <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  } else if (current === 3 && job.data) {
    body = <ImportResult job={job.data} onRetry={backToUpload} onRestart={restart} />;
  } else if (jobId && job.isPending) {
    body = <Skeleton active paragraph={{ rows: 4 }} />;
  } else if (current === 2) {
    body = <ImportProgress job={job.data} />;
  } else if (current === 1) {
    body = (
      <>
        <ErrorAlert error={refusal} />
        <ChooseFile kind={kind} mode={mode} onMode={setMode} file={file} onFile={setFile} />
        <div className="tx-wizard-actions">
          <Button onClick={() => setStep(0)}>{t('registry.import.previous')}</Button>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={!file}
            loading={start.isPending}
            onClick={() => {
              setRefusal(null);
              start.mutate();
            }}
          >
            {t('registry.import.start')}
          </Button>
        </div>
      </>
    );
  } else {
    body = (
      <>
        <ChooseKind kind={kind} onKind={setKind} />
        <div className="tx-wizard-actions">
          <Button type="primary" onClick={() => setStep(1)}>
            {t('registry.import.next')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('registry.import.pageTitle')}</h1>
      </div>
      {user.role === 'cadre' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('registry.import.cadreNote')} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          style={{ marginBottom: 28 }}
          items={[
            { key: 'kind', title: t('registry.import.step.kind') },
            { key: 'upload', title: t('registry.import.step.upload') },
            { key: 'check', title: t('registry.import.step.check') },
            { key: 'result', title: t('registry.import.step.result') },
          ]}
        />
        <div className="tx-wizard-body">{body}</div>
      </Card>
      <RecentImports currentId={jobId} onShow={showJob} />
    </>
  );
}
