import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMoveOrganizationRequest, type TOrganization, type TOrganizationTreeNode } from '@tongxin/contracts';
import { App, DatePicker, Descriptions, Form, Input, Modal, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { keys } from '../../api/keys';
import { moveOrganization } from '../../api/organizations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useZodRule } from '../../forms/useZodRule';
import { useT } from '../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { subtreeIds, type OrgForest } from './buildTree';

type Values = { parentId: string; effectiveOn?: Dayjs | null; changeNote?: string };

type TreeSelectNode = { value: string; title: string; disabled: boolean; children?: TreeSelectNode[] };

type Props = {
  organization: TOrganization | null;
  /** Today's network, from which the new parent is chosen. */
  forest: OrgForest | null;
  onClose: () => void;
  onMoved: (organization: TOrganization) => void;
};

/** Puts an organization (with everything below it) under another parent, from a date, with a reason; mount anew per opening. */
export function MoveOrganizationModal({ organization, forest, onClose, onMoved }: Props) {
  const t = useT();
  const zodRule = useZodRule();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, ['parentId', 'effectiveOn', 'changeNote']);

  const treeData = useMemo(() => {
    if (!forest || !organization) return [];
    const own = subtreeIds(forest, organization.id);
    const build = (nodes: readonly TOrganizationTreeNode[]): TreeSelectNode[] =>
      nodes.map((node) => {
        const children = forest.childrenOf.get(node.id) ?? [];
        return {
          value: node.id,
          title: node.name,
          disabled: own.has(node.id) || node.id === organization.parentId,
          children: children.length > 0 && !own.has(node.id) ? build(children) : undefined,
        };
      });
    return build(forest.roots);
  }, [forest, organization]);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      moveOrganization(organization?.id ?? '', {
        parentId: values.parentId,
        effectiveOn: toBusinessDate(values.effectiveOn),
        changeNote: values.changeNote?.trim() || null,
      }),
    onSuccess: async (moved) => {
      void message.success(t('org.move.success', { name: moved.name, parent: moved.parentName ?? '' }));
      await queryClient.invalidateQueries({ queryKey: keys.organizations });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
      onMoved(moved);
    },
    onError: refuse,
  });

  const confirm = (values: Values) => {
    if (!organization || !forest) return;
    const parent = forest.byId.get(values.parentId);
    modal.confirm({
      title: t('org.move.confirmTitle'),
      content: t('org.move.confirmText', {
        name: organization.name,
        parent: parent?.name ?? '',
        date: toBusinessDate(values.effectiveOn) ?? beijingToday(),
      }),
      okText: t('org.move.submit'),
      cancelText: t('common.cancel'),
      onOk: () => {
        clearRefusal();
        return mutation.mutateAsync(values).catch(() => undefined);
      },
    });
  };

  return (
    <Modal
      open={organization !== null}
      title={organization ? t('org.move.title', { name: organization.name }) : ''}
      okText={t('org.move.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={580}
    >
      {refusal && <ErrorAlert error={refusal.error} extra={refusal.extra} />}
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'current', label: t('org.move.current'), children: organization?.parentName ?? t('common.none') },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: fromBusinessDate(beijingToday()) }}
        onFinish={confirm}
      >
        <Form.Item
          name="parentId"
          label={t('org.move.newParent')}
          rules={[{ required: true, message: t('org.move.newParentRequired') }]}
        >
          <TreeSelect
            autoFocus
            treeData={treeData}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder={t('org.move.newParentPlaceholder')}
            styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
          />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('org.field.effectiveOn')} extra={t('org.hint.effectiveOn')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={isAfterToday}
            placeholder={t('org.placeholder.effectiveOn')}
          />
        </Form.Item>
        <Form.Item
          name="changeNote"
          label={t('org.field.changeNote')}
          rules={[zodRule(ZMoveOrganizationRequest.shape.changeNote)]}
        >
          <Input.TextArea placeholder={t('org.placeholder.changeNote')} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
        {t('org.move.hint')}
      </Typography.Paragraph>
    </Modal>
  );
}
