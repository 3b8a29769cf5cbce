import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ROLE_LABELS,
  USER_STATUS_LABELS,
  USER_STATUSES,
  ZCreateUserRequest,
  ZNewPassword,
  ZUsername,
  type TOrganization,
  type TRole,
  type TUpdateUserRequest,
  type TUser,
  type TUserStatus,
} from '@tongxin/contracts';
import { Alert, App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { createUser, updateUser } from '../../api/users';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { FormDrawer } from '../../forms/FormDrawer';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useZodRule } from '../../forms/useZodRule';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { useSessionUser } from '../../session/SessionUserContext';
import { assignableRoles } from './assignableRoles';
import type { TemporaryPassword } from './TemporaryPasswordModal';

type Values = {
  username: string;
  displayName: string;
  role: TRole;
  organizationId: string;
  status: TUserStatus;
  password?: string;
};

const FIELDS = ['username', 'displayName', 'role', 'organizationId', 'status', 'password'];

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: TUser };

type Props = {
  target: UserFormTarget | null;
  onClose: () => void;
  onTemporaryPassword: (value: TemporaryPassword) => void;
};

/**
 * Opens an account (role limited to what the actor may grant, organization within scope), or edits one.
 * Mount it anew (a new `key`) for each opening, so that it starts clean.
 */
export function UserFormDrawer({ target, onClose, onTemporaryPassword }: Props) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const actor = useSessionUser();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const [organization, setOrganization] = useState<TOrganization | null>(null);
  const editing = target?.mode === 'edit' ? target.user : null;
  const isSelf = editing?.id === actor.id;
  const role = Form.useWatch('role', form);

  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      if (editing) {
        const patch: TUpdateUserRequest = {};
        if (values.displayName.trim() !== editing.displayName) patch.displayName = values.displayName.trim();
        if (!isSelf) {
          if (values.role !== editing.role) patch.role = values.role;
          if (values.organizationId !== editing.organizationId) patch.organizationId = values.organizationId;
          if (values.status !== editing.status) patch.status = values.status;
        }
        return {
          user: Object.keys(patch).length > 0 ? await updateUser(editing.id, patch) : editing,
          temporaryPassword: null,
        };
      }
      return createUser({
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        role: values.role,
        organizationId: values.organizationId,
        password: values.password ? values.password : undefined,
      });
    },
    onSuccess: async ({ user, temporaryPassword }) => {
      void message.success(
        editing ? t('users.saved', { username: user.username }) : t('users.created', { username: user.username }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.users });
      onClose();
      if (temporaryPassword) {
        onTemporaryPassword({ username: user.username, displayName: user.displayName, password: temporaryPassword });
      }
    },
    onError: refuse,
  });

  const submit = (values: Values) => {
    clearRefusal();
    if (editing && editing.status === 'active' && values.status === 'disabled') {
      modal.confirm({
        title: t('users.disableTitle', { name: editing.displayName }),
        content: t('users.disableText'),
        okText: t('users.disableOk'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => mutation.mutateAsync(values).catch(() => undefined),
      });
      return;
    }
    mutation.mutate(values);
  };

  const shape = ZCreateUserRequest.shape;
  const roleOptions = assignableRoles(actor).map((value) => ({
    value,
    label: label(ROLE_LABELS, value),
    disabled: value === 'supervisor' && organization !== null && organization.type !== 'government',
  }));

  return (
    <FormDrawer
      form={form}
      open={target !== null}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      size={520}
      submitLabel={editing ? t('common.save') : t('users.create')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      {isSelf && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('users.selfHint')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                username: editing.username,
                displayName: editing.displayName,
                role: editing.role,
                organizationId: editing.organizationId,
                status: editing.status,
              }
            : { role: 'org_staff', status: 'active', organizationId: actor.organizationId }
        }
        onFinish={submit}
      >
        <Form.Item
          name="username"
          label={t('users.field.username')}
          extra={editing ? undefined : t('users.hint.username')}
          required={!editing}
          rules={editing ? [] : [zodRule(ZUsername, { required: true })]}
          normalize={(value: string | undefined) => value?.toLowerCase()}
        >
          <Input
            placeholder={t('users.placeholder.username')}
            disabled={Boolean(editing)}
            autoFocus={!editing}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.field.displayName')}
          required
          rules={[zodRule(shape.displayName, { required: true })]}
        >
          <Input placeholder={t('users.placeholder.displayName')} autoFocus={Boolean(editing)} maxLength={50} />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('users.field.organization')}
          rules={[{ required: true, message: t('org.members.memberRequired') }]}
        >
          <OrganizationSelect
            valueLabel={editing?.organizationName ?? (organization ? organization.name : actor.organizationName)}
            onChange={(_id, picked) => setOrganization(picked)}
            disabled={isSelf}
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.field.role')}
          rules={[{ required: true }]}
          extra={role === 'supervisor' ? t('users.hint.supervisor') : undefined}
        >
          <Select options={roleOptions} disabled={isSelf} />
        </Form.Item>
        {editing ? (
          <Form.Item name="status" label={t('users.field.status')} rules={[{ required: true }]}>
            <Select options={options(USER_STATUS_LABELS, USER_STATUSES)} disabled={isSelf} />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('users.field.password')}
            extra={t('users.hint.password')}
            rules={[zodRule(ZNewPassword)]}
          >
            <Input.Password placeholder={t('users.placeholder.password')} autoComplete="new-password" />
          </Form.Item>
        )}
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
