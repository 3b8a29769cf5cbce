import { PlusOutlined } from '@ant-design/icons';
import type { TProjectFile } from '@tongxin/contracts';
import { App, Image, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { uploadProjectFile } from '../../../api/projects';
import { useT } from '../../../i18n/useT';

/** What the server takes as a photo (it checks the bytes again and removes the location and other metadata). */
const PHOTO_TYPES = ['image/jpeg', 'image/png'];
const PHOTO_LIMIT_MB = 10;

type Props = {
  projectId: string;
  id?: string;
  /** The ids of the photos uploaded so far, in the order shown. */
  value?: readonly string[];
  onChange?: (ids: string[]) => void;
  /** Tells the form whether an upload is still running (the form waits for it before sending). */
  onBusyChange?: (busy: boolean) => void;
  max?: number;
};

type Item = UploadFile<TProjectFile> & { preview: string };

/**
 * Photos for a report or an inspection: each picked file is uploaded at once (the record then names the
 * uploaded ids), with a thumbnail from the browser, progress, and the server's refusal at the picture.
 */
export function PhotoUpload({ projectId, id, onChange, onBusyChange, max = 30 }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [items, setItems] = useState<Item[]>([]);
  // The list as of the last change, for the uploads that finish later (changed outside of rendering only).
  const latest = useRef<Item[]>([]);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const urls = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const publish = (next: Item[]) => {
    latest.current = next;
    setItems(next);
    onChange?.(next.flatMap((item) => (item.status === 'done' && item.response ? [item.response.id] : [])));
    onBusyChange?.(next.some((item) => item.status === 'uploading'));
  };

  const upload = async (file: File, uid: string) => {
    const patch = (changes: Partial<Item>) =>
      publish(latest.current.map((item) => (item.uid === uid ? { ...item, ...changes } : item)));
    try {
      const stored = await uploadProjectFile(projectId, 'photo', false, file);
      patch({ status: 'done', percent: 100, response: stored });
    } catch (error) {
      const text = error instanceof Error ? error.message : t('error.unexpected');
      void message.error(text);
      patch({ status: 'error', error: { message: text } });
    }
  };

  return (
    <>
      <Upload<TProjectFile>
        id={id}
        listType="picture-card"
        accept=".jpg,.jpeg,.png,image/jpeg,image/png"
        multiple
        fileList={items}
        beforeUpload={(file) => {
          if (!PHOTO_TYPES.includes(file.type)) {
            void message.error(t('projects.photo.wrongType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > PHOTO_LIMIT_MB * 1024 * 1024) {
            void message.error(t('projects.photo.tooLarge', { name: file.name, limit: PHOTO_LIMIT_MB }));
            return Upload.LIST_IGNORE;
          }
          const preview = URL.createObjectURL(file);
          urls.current.push(preview);
          const item: Item = {
            uid: file.uid,
            name: file.name,
            status: 'uploading',
            percent: 30,
            thumbUrl: preview,
            preview,
          };
          publish([...latest.current, item]);
          void upload(file, file.uid);
          // Sent by upload() above, with the session's CSRF token; not by the Upload component.
          return false;
        }}
        onRemove={(file) => {
          publish(latest.current.filter((item) => item.uid !== file.uid));
          return true;
        }}
        onPreview={(file) => setPreviewing(items.find((item) => item.uid === file.uid)?.preview ?? null)}
        showUploadList={{ showPreviewIcon: true, showRemoveIcon: true }}
      >
        {items.length < max && (
          <button type="button" className="tx-upload-button">
            <PlusOutlined />
            <div style={{ marginTop: 6 }}>{t('projects.photo.add')}</div>
          </button>
        )}
      </Upload>
      {previewing && (
        <Image
          style={{ display: 'none' }}
          src={previewing}
          alt=""
          preview={{ open: true, onOpenChange: (open) => !open && setPreviewing(null) }}
        />
      )}
    </>
  );
}
