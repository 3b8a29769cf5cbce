import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { useT } from '../i18n/useT';

type Props = {
  /** Downloads the list as the page shows it (its filters, not its page), answering the file's name. */
  run: () => Promise<string>;
  /** What goes into the file and that the export is recorded, shown on hover. */
  hint: string;
  /** Nothing to export (the list is empty). */
  disabled?: boolean;
};

/** A list page's 导出 button: runs the download, then says which file arrived or why none did. */
export function ExportButton({ run, hint, disabled = false }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const exporting = useMutation({
    mutationFn: run,
    onSuccess: (name) => void message.success(t('common.exported', { name })),
    onError: (error) => void message.error(error.message),
  });
  return (
    <Tooltip title={hint}>
      <Button
        icon={<DownloadOutlined />}
        loading={exporting.isPending}
        disabled={disabled}
        onClick={() => exporting.mutate()}
      >
        {t('common.export')}
      </Button>
    </Tooltip>
  );
}
