import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPublicationTransitionRequest, type TPublicationListItem } from '@tongxin/contracts';
import { App, Form, Input } from 'antd';
import { keys } from '../../api/keys';
import { transitionPublication } from '../../api/publications';
import { FormModal } from '../../forms/FormModal';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useZodRule } from '../../forms/useZodRule';
import { useT } from '../../i18n/useT';

type Props = { publication: TPublicationListItem | null; onClose: () => void };

/** Takes a publication off the portal; the reason is kept with it and shown to those who manage it. */
export function WithdrawModal({ publication, onClose }: Props) {
  const t = useT();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, ['reason']);
  const mutation = useMutation({
    mutationFn: (reason: string) =>
      transitionPublication(publication?.id ?? '', { action: 'withdraw', reason: reason.trim() }),
    onSuccess: async (saved) => {
      void message.success(t('publications.withdrawn', { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: keys.publications });
      onClose();
    },
    onError: refuse,
  });
  return (
    <FormModal
      form={form}
      open={publication !== null}
      title={t('publications.withdrawTitle', { title: publication?.title ?? '' })}
      submitLabel={t('publications.withdraw')}
      isDangerous
      isSaving={mutation.isPending}
      refusal={refusal}
      preface={<p>{t('publications.withdrawText')}</p>}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          clearRefusal();
          mutation.mutate(values.reason);
        }}
      >
        <Form.Item
          name="reason"
          label={t('publications.withdrawReason')}
          required
          rules={[
            { required: true, whitespace: true, message: t('publications.withdrawReasonRequired') },
            zodRule(ZPublicationTransitionRequest.shape.reason),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
