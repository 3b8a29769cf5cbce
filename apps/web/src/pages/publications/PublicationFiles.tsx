import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PUBLICATION_FILE_ROLE, type TPublication, type TPublicationFileRole } from '@tongxin/contracts';
import { App, Button, List, Popconfirm, Radio, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/ApiError';
import { keys } from '../../api/keys';
import {
  downloadPublicationFile,
  fetchPublication,
  removePublicationFile,
  uploadPublicationFile,
} from '../../api/publications';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';

const ACCEPT: Readonly<Record<TPublicationFileRole, string>> = {
  attachment: '.pdf,.jpg,.jpeg,.png,.docx,.xlsx',
  cover: '.jpg,.jpeg,.png',
};

/** The cover and attachments of a publication: each upload is sent at once, a removal asks first. */
export function PublicationFiles({ publication }: { publication: TPublication }) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<TPublicationFileRole>('attachment');
  const current = useQuery({
    queryKey: keys.publication(publication.id),
    queryFn: () => fetchPublication(publication.id),
    initialData: publication,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.publications });
  const upload = useMutation({
    mutationFn: (file: File) => uploadPublicationFile(publication.id, role, file),
    onSuccess: async (stored) => {
      void message.success(t('publications.files.uploaded', { name: stored.fileName }));
      await refresh();
    },
    onError: (error) => void message.error(errorMessage(error, t('error.unexpected'))),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => removePublicationFile(publication.id, fileId),
    onSuccess: refresh,
    onError: (error) => void message.error(errorMessage(error, t('error.unexpected'))),
  });
  const files = [...(current.data.cover ? [current.data.cover] : []), ...current.data.attachments];
  return (
    <section data-testid="publication-files">
      <div className="tx-form-heading">{t('publications.files.title')}</div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          value={role}
          onChange={(event) => setRole(event.target.value as TPublicationFileRole)}
          options={options(PUBLICATION_FILE_ROLE.labels, PUBLICATION_FILE_ROLE.values)}
        />
        <Upload
          accept={ACCEPT[role]}
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file);
            // Sent by the mutation above, with the session's CSRF token; not by the Upload component.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {t('publications.files.upload')}
          </Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t(role === 'cover' ? 'publications.files.coverHint' : 'publications.files.attachmentHint')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={files}
        locale={{ emptyText: t('publications.files.empty') }}
        renderItem={(file) => (
          <List.Item
            key={file.id}
            actions={[
              <Popconfirm
                key="remove"
                title={t('publications.files.removeConfirm', { name: file.fileName })}
                okText={t('common.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(file.id)}
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} />
              </Popconfirm>,
            ]}
          >
            <Space>
              <Tag style={{ marginInlineEnd: 0 }}>{label(PUBLICATION_FILE_ROLE.labels, file.role)}</Tag>
              <Typography.Link onClick={() => void downloadPublicationFile(publication.id, file)}>
                <PaperClipOutlined /> {file.fileName}
              </Typography.Link>
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}
