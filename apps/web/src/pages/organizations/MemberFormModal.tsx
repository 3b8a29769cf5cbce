import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  MEMBERSHIP_ROLE_LABELS,
  MEMBERSHIP_ROLES,
  VALIDATION_MESSAGES,
  ZCreateMembershipRequest,
  type TMembership,
  type TMembershipRole,
} from '@tongxin/contracts';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { addMember, updateMember } from '../../api/organizations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { placeServerErrors } from '../../forms/serverErrors';
import { useZodRule } from '../../forms/useZodRule';
import { useLabelOptions } from '../../i18n/useLabel';
import { useLang, useT } from '../../i18n/useT';
import { fromBusinessDate, toBusinessDate } from '../../lib/dates';

type Values = {
  memberId: string;
  role: TMembershipRole;
  term?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  note?: string;
};

const FIELDS = ['memberId', 'role', 'term', 'startsOn', 'endsOn', 'note'];

type Props = {
  associationId: string;
  /** The membership to edit; null to add one. */
  editing: TMembership | null;
  open: boolean;
  onClose: () => void;
};

/** Adds a member or council unit to an association, or changes its role and term; mount anew per opening. */
export function MemberFormModal({ associationId, editing, open, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<unknown>(null);
  const [memberName, setMemberName] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const fields = {
        role: values.role,
        term: values.term?.trim() || null,
        startsOn: toBusinessDate(values.startsOn) ?? null,
        endsOn: toBusinessDate(values.endsOn) ?? null,
        note: values.note?.trim() || null,
      };
      return editing
        ? updateMember(associationId, editing.id, fields)
        : addMember(associationId, { memberId: values.memberId, ...fields });
    },
    onSuccess: async (membership) => {
      void message.success(
        editing ? t('org.members.saved') : t('org.members.added', { name: membership.memberName ?? memberName }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.orgMembers(associationId) });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => {
      const placed = placeServerErrors(form, error, FIELDS);
      setRefusal(placed.allPlaced ? null : error);
    },
  });

  const shape = ZCreateMembershipRequest.shape;

  return (
    <Modal
      open={open}
      title={editing ? t('org.members.editTitle', { name: editing.memberName }) : t('org.members.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={refusal} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                memberId: editing.memberId,
                role: editing.role,
                term: editing.term ?? undefined,
                startsOn: fromBusinessDate(editing.startsOn),
                endsOn: fromBusinessDate(editing.endsOn),
                note: editing.note ?? undefined,
              }
            : { role: 'member' }
        }
        onFinish={(values) => {
          setRefusal(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="memberId"
          label={t('org.members.member')}
          rules={[{ required: true, message: t('org.members.memberRequired') }]}
        >
          {editing ? (
            <Input value={editing.memberName} disabled />
          ) : (
            <OrganizationSelect
              autoFocus
              excludeIds={[associationId]}
              placeholder={t('org.members.memberPlaceholder')}
              onChange={(_id, organization) => setMemberName(organization?.name ?? null)}
            />
          )}
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label={t('org.members.role')} rules={[{ required: true }]}>
              <Select options={options(MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="term" label={t('org.members.term')} rules={[zodRule(shape.term)]}>
              <Input placeholder={t('org.members.termPlaceholder')} autoFocus={Boolean(editing)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="startsOn" label={t('org.members.startsOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="endsOn"
              label={t('org.members.endsOn')}
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('startsOn') as Dayjs | null | undefined;
                    return start && value && value.isBefore(start, 'day')
                      ? Promise.reject(new Error(VALIDATION_MESSAGES['dateRange.order'][lang]))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('org.members.note')} rules={[zodRule(shape.note)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </Modal>
  );
}
