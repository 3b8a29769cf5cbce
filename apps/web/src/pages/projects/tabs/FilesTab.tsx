import { DownloadOutlined, FileOutlined, FilePdfOutlined, GlobalOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import type { TProject, TProjectFile } from '@tongxin/contracts';
import { App, Button, Image, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { downloadProjectFile, projectFileUrl, type ProjectRecords } from '../../../api/projects';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLang, useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { FileUploadModal } from '../FileUploadModal';

type Props = { project: TProject; records: UseQueryResult<ProjectRecords>; canUpload: boolean };

/** 1536000 → 1.5 MB */
function formatSize(bytes: number, lang: string): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`;
}

/** 附件: the project's documents and photos (those of reports and inspections stay with them). */
export function FilesTab({ project, records, canUpload }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [opening, setOpening] = useState(0);
  const download = useMutation({
    mutationFn: (file: TProjectFile) => downloadProjectFile(project.id, file),
    onError: (error) => void message.error(error.message),
  });
  if (records.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (records.isError) return <ErrorState compact error={records.error} onRetry={() => void records.refetch()} />;
  const files = [...records.data.files].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const uploadButton = canUpload ? (
    <Button
      icon={<UploadOutlined />}
      onClick={() => {
        setOpening((count) => count + 1);
        setUploading(true);
      }}
    >
      {t('projects.file.upload')}
    </Button>
  ) : undefined;

  return (
    <>
      <div className="tx-toolbar">
        <Typography.Text type="secondary">{t('projects.file.hint')}</Typography.Text>
        <div className="tx-toolbar-spacer" />
        {uploadButton}
      </div>
      <Image.PreviewGroup>
        <Table<TProjectFile>
          rowKey="id"
          size="middle"
          dataSource={files}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="files"
          locale={{
            emptyText: (
              <EmptyState
                compact
                title={t('projects.file.empty')}
                hint={canUpload ? t('projects.file.emptyHint') : t('projects.file.emptyReadOnly')}
                action={uploadButton}
              />
            ),
          }}
          columns={[
            {
              key: 'name',
              title: t('projects.file.name'),
              render: (_, file) => (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10, minWidth: 200 }}>
                  {file.kind === 'photo' ? (
                    <Image
                      src={projectFileUrl(project.id, file.id)}
                      alt={file.fileName}
                      width={40}
                      height={40}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                      preview={{ mask: t('projects.photo.view') }}
                    />
                  ) : file.mime === 'application/pdf' ? (
                    <FilePdfOutlined style={{ fontSize: 24, color: '#cf1322' }} />
                  ) : (
                    <FileOutlined style={{ fontSize: 24, color: '#1a5fb4' }} />
                  )}
                  <span style={{ wordBreak: 'break-all' }}>{file.fileName}</span>
                </span>
              ),
            },
            {
              key: 'kind',
              title: t('projects.file.kind'),
              render: (_, file) => (
                <Tag style={{ marginInlineEnd: 0 }}>
                  {file.kind === 'photo' ? t('projects.file.photo') : t('projects.file.document')}
                </Tag>
              ),
            },
            {
              key: 'size',
              title: t('projects.file.size'),
              align: 'right',
              render: (_, file) => <span style={{ whiteSpace: 'nowrap' }}>{formatSize(file.size, lang)}</span>,
            },
            {
              key: 'public',
              title: t('projects.file.visibility'),
              render: (_, file) =>
                file.isPublic ? (
                  <Tag icon={<GlobalOutlined />} color="cyan" variant="outlined" style={{ marginInlineEnd: 0 }}>
                    {t('projects.report.public')}
                  </Tag>
                ) : (
                  <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
                    {t('projects.report.internal')}
                  </Tag>
                ),
            },
            {
              key: 'createdAt',
              title: t('projects.file.uploadedAt'),
              render: (_, file) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(file.createdAt)}</span>,
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, file) => (
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={download.isPending && download.variables.id === file.id}
                  onClick={() => download.mutate(file)}
                >
                  {t('projects.file.download')}
                </Button>
              ),
            },
          ]}
        />
      </Image.PreviewGroup>
      <FileUploadModal key={opening} project={project} open={uploading} onClose={() => setUploading(false)} />
    </>
  );
}
