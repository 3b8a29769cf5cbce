import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { TProject, TProjectFile } from '@tongxin/contracts';
import { App, Button, Form, Modal, Radio, Switch, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { uploadProjectFile, type ProjectFileKind } from '../../api/projects';
import { useT } from '../../i18n/useT';

/** What the server takes, by kind (it checks the bytes again): extensions and the most megabytes. */
const ACCEPT: Readonly<Record<ProjectFileKind, { extensions: readonly string[]; limitMb: number }>> = {
  photo: { extensions: ['.jpg', '.jpeg', '.png'], limitMb: 10 },
  document: { extensions: ['.pdf', '.docx', '.xlsx'], limitMb: 20 },
};

type Props = { project: TProject; open: boolean; onClose: () => void };

/**
 * Adds documents (PDF, Word, Excel) or photos to the project's attachments; each file is uploaded as soon as
 * it is chosen, and the server's refusal (size, type) stands at the file. Mount anew for each opening.
 */
export function FileUploadModal({ project, open, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ProjectFileKind>('document');
  const [isPublic, setIsPublic] = useState(false);
  const [files, setFiles] = useState<UploadFile<TProjectFile>[]>([]);
  const busy = files.some((file) => file.status === 'uploading');
  const accept = ACCEPT[kind];

  const upload = async (file: File & { uid: string }) => {
    const update = (changes: Partial<UploadFile<TProjectFile>>) =>
      setFiles((current) => current.map((item) => (item.uid === file.uid ? { ...item, ...changes } : item)));
    try {
      const stored = await uploadProjectFile(project.id, kind, isPublic, file);
      update({ status: 'done', percent: 100, response: stored });
      await queryClient.invalidateQueries({ queryKey: keys.projectRecords(project.id) });
    } catch (error) {
      const text = error instanceof Error ? error.message : t('error.unexpected');
      update({ status: 'error', error: { message: text }, response: undefined });
      void message.error(text);
    }
  };

  return (
    <Modal
      open={open}
      title={t('projects.file.uploadTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={
        <Button type="primary" loading={busy} onClick={onClose}>
          {t('projects.file.done')}
        </Button>
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('projects.file.kind')}>
          <Radio.Group
            optionType="button"
            value={kind}
            onChange={(event) => setKind(event.target.value as ProjectFileKind)}
            options={[
              { value: 'document', label: t('projects.file.document') },
              { value: 'photo', label: t('projects.file.photo') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('projects.file.visibility')}
          extra={isPublic ? t('projects.file.publicHint') : t('projects.file.internalHint')}
        >
          <Switch
            checked={isPublic}
            onChange={setIsPublic}
            checkedChildren={t('projects.report.public')}
            unCheckedChildren={t('projects.report.internal')}
          />
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept={accept.extensions.join(',')}
        multiple
        fileList={files}
        showUploadList={{ showRemoveIcon: false }}
        beforeUpload={(file) => {
          const name = file.name.toLowerCase();
          if (!accept.extensions.some((extension) => name.endsWith(extension))) {
            void message.error(t('projects.file.wrongType', { name: file.name, allowed: accept.extensions.join(' ') }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > accept.limitMb * 1024 * 1024) {
            void message.error(t('projects.photo.tooLarge', { name: file.name, limit: accept.limitMb }));
            return Upload.LIST_IGNORE;
          }
          setFiles((current) => [...current, { uid: file.uid, name: file.name, status: 'uploading', percent: 30 }]);
          void upload(file);
          // Sent by upload() above, with the session's CSRF token; not by the Upload component.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('registry.import.dropText')}</p>
        <p className="ant-upload-hint">
          {kind === 'photo'
            ? t('projects.file.photoTypes', { limit: accept.limitMb })
            : t('projects.file.documentTypes', { limit: accept.limitMb })}
        </p>
      </Upload.Dragger>
    </Modal>
  );
}
