import { CheckOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  EDUCATION,
  GENDER,
  HEALTH,
  LABOUR_ABILITY,
  RELATION,
  SCHOOL_STATUS,
  type THouseholdCard,
  type TPerson,
} from '@tongxin/contracts';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { keys } from '../../../api/keys';
import { removePerson, revealIdNumber } from '../../../api/registry';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { MONO } from '../shared/labels';
import { RevealModal, type RevealTarget } from '../shared/RevealModal';
import { PersonFormDrawer, type PersonFormTarget } from './PersonFormDrawer';

/** Heads first, then by the order the card lists relations (spouse, children, …). */
const RELATION_RANK = Object.fromEntries(RELATION.values.map((value, index) => [value, index]));

type Props = { household: THouseholdCard; canWrite: boolean };

/** 家庭成员: the people of the household, ID numbers masked, each revealed on its own with a reason. */
export function MembersSection({ household, canWrite }: Props) {
  const t = useT();
  const label = useLabel();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [formTarget, setFormTarget] = useState<PersonFormTarget | null>(null);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const [opening, setOpening] = useState(0);
  const open = <T,>(set: (value: T) => void, value: T) => {
    setOpening((count) => count + 1);
    set(value);
  };
  const removal = useMutation({
    mutationFn: (person: TPerson) => removePerson(person.id),
    onSuccess: async (_data, person) => {
      void message.success(t('registry.person.removed', { name: person.name }));
      await queryClient.invalidateQueries({ queryKey: keys.households });
    },
    onError: (error) => modal.error({ title: t('error.title'), content: error.message }),
  });
  const members = [...household.members].sort(
    (a, b) =>
      (RELATION_RANK[a.relation] ?? 99) - (RELATION_RANK[b.relation] ?? 99) || a.birthDate.localeCompare(b.birthDate),
  );
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const check = (value: boolean) =>
    value ? <CheckOutlined style={{ color: '#389e0d' }} aria-label={t('registry.yes')} /> : none;

  return (
    <>
      {canWrite && (
        <div className="tx-toolbar">
          <Typography.Text type="secondary">{t('registry.person.count', { count: members.length })}</Typography.Text>
          <div className="tx-toolbar-spacer" />
          <Button icon={<PlusOutlined />} onClick={() => open(setFormTarget, { mode: 'create' })}>
            {t('registry.person.add')}
          </Button>
        </div>
      )}
      <div data-testid="members">
        <Table<TPerson>
          rowKey="id"
          size="middle"
          dataSource={members}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: t('registry.person.name'),
              fixed: 'left',
              render: (_, person) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {person.name}
                  {person.relation === 'head' && (
                    <Tag color="red" variant="filled" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                      {label(RELATION.labels, 'head')}
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              key: 'relation',
              title: t('registry.person.relation'),
              render: (_, person) => (
                <span style={{ whiteSpace: 'nowrap' }}>{label(RELATION.labels, person.relation)}</span>
              ),
            },
            {
              key: 'idNumber',
              title: t('registry.person.idNumber'),
              render: (_, person) => (
                <span style={{ whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                  <span style={MONO} data-testid="masked-id-number">
                    {person.idNumberMasked}
                  </span>
                  {canWrite && (
                    <Button
                      type="link"
                      size="small"
                      icon={<EyeOutlined />}
                      aria-label={t('registry.reveal.idNumberOf', { name: person.name })}
                      onClick={() =>
                        open(setRevealing, {
                          what: t('registry.person.idNumber'),
                          whose: person.name,
                          mono: true,
                          reveal: async (reason: string) => (await revealIdNumber(person.id, reason)).value,
                        })
                      }
                    >
                      {t('registry.reveal.button')}
                    </Button>
                  )}
                </span>
              ),
            },
            {
              key: 'gender',
              title: t('registry.person.gender'),
              render: (_, person) => label(GENDER.labels, person.gender),
            },
            {
              key: 'birthDate',
              title: t('registry.person.birthDate'),
              render: (_, person) => <span style={{ whiteSpace: 'nowrap' }}>{person.birthDate}</span>,
            },
            {
              key: 'education',
              title: t('registry.person.education'),
              render: (_, person) => (person.education ? label(EDUCATION.labels, person.education) : none),
            },
            {
              key: 'schoolStatus',
              title: t('registry.person.schoolStatus'),
              render: (_, person) => (person.schoolStatus ? label(SCHOOL_STATUS.labels, person.schoolStatus) : none),
            },
            {
              key: 'health',
              title: t('registry.person.health'),
              render: (_, person) =>
                person.health ? (
                  <span style={{ whiteSpace: 'nowrap', color: person.health === 'healthy' ? undefined : '#d46b08' }}>
                    {label(HEALTH.labels, person.health)}
                  </span>
                ) : (
                  none
                ),
            },
            {
              key: 'labourAbility',
              title: t('registry.person.labourAbility'),
              render: (_, person) =>
                person.labourAbility ? (
                  <span style={{ whiteSpace: 'nowrap' }}>{label(LABOUR_ABILITY.labels, person.labourAbility)}</span>
                ) : (
                  none
                ),
            },
            {
              key: 'medical',
              title: <span style={{ whiteSpace: 'nowrap' }}>{t('registry.person.medical')}</span>,
              align: 'center',
              render: (_, person) => check(person.hasMedicalInsurance),
            },
            {
              key: 'pension',
              title: <span style={{ whiteSpace: 'nowrap' }}>{t('registry.person.pension')}</span>,
              align: 'center',
              render: (_, person) => check(person.hasPensionInsurance),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: 'right' as const,
                    width: 96,
                    render: (_: unknown, person: TPerson) => (
                      <Space size={0}>
                        <Tooltip title={t('common.edit')}>
                          <Button
                            type="text"
                            icon={<EditOutlined />}
                            aria-label={`${t('common.edit')} ${person.name}`}
                            onClick={() => open(setFormTarget, { mode: 'edit', person })}
                          />
                        </Tooltip>
                        {person.relation === 'head' ? (
                          <Tooltip title={t('registry.person.headCannotBeRemoved')}>
                            <Button type="text" icon={<DeleteOutlined />} disabled aria-label={t('common.remove')} />
                          </Tooltip>
                        ) : (
                          <Popconfirm
                            title={t('registry.person.removeConfirm', { name: person.name })}
                            description={t('registry.person.removeHint')}
                            okText={t('common.remove')}
                            okButtonProps={{ danger: true }}
                            cancelText={t('common.cancel')}
                            onConfirm={() => removal.mutate(person)}
                          >
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={`${t('common.remove')} ${person.name}`}
                            />
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <PersonFormDrawer
        key={`person-${opening}`}
        householdId={household.id}
        target={formTarget}
        onClose={() => setFormTarget(null)}
      />
      <RevealModal key={`reveal-${opening}`} target={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}
