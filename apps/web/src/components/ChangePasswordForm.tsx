import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZNewPassword } from '@tongxin/contracts';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { changePassword } from '../api/auth';
import { keys } from '../api/keys';
import { placeServerErrors } from '../forms/serverErrors';
import { useZodRule } from '../forms/useZodRule';
import { useT } from '../i18n/useT';
import { ErrorAlert } from './ErrorAlert';

type Values = { currentPassword: string; newPassword: string; confirm: string };

type Props = { forced?: boolean; onDone?: () => void; onCancel?: () => void };

/** Current password, new password twice; used by the forced change after sign-in and by the user menu. */
export function ChangePasswordForm({ forced = false, onDone, onCancel }: Props) {
  const t = useT();
  const zodRule = useZodRule();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: async () => {
      void message.success(t('password.changed'));
      form.resetFields();
      onDone?.();
      await queryClient.invalidateQueries({ queryKey: keys.session });
    },
    onError: (error) => {
      const placed = placeServerErrors(form, error, ['currentPassword', 'newPassword']);
      setRefusal(placed.allPlaced ? null : error);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        setRefusal(null);
        mutation.mutate(values);
      }}
    >
      <ErrorAlert error={refusal} />
      <Form.Item
        name="currentPassword"
        label={forced ? t('password.currentForced') : t('password.current')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={[zodRule(ZNewPassword, { required: true })]}>
        <Input.Password autoComplete="new-password" placeholder={t('password.rule')} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.mismatch') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: unknown) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 8, marginTop: 8, justifyContent: forced ? 'stretch' : 'flex-end' }}>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={mutation.isPending} block={forced}>
          {t('password.submit')}
        </Button>
      </div>
    </Form>
  );
}
