import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PROJECT_STATUS, ZCreateAcceptanceRequest, type TProject } from '@tongxin/contracts';
import { Alert, App, Button, DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { keys } from '../../api/keys';
import { addAcceptance } from '../../api/projects';
import { FormDrawer } from '../../forms/FormDrawer';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { RemoveRowButton } from '../../forms/RemoveRowButton';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useZodRule } from '../../forms/useZodRule';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';

type ChecklistRow = { item?: string; passed?: boolean; note?: string };
type Values = { checkedOn: Dayjs | null; checklist: ChecklistRow[]; remarks?: string };

const FIELDS = ['checkedOn', 'checklist', 'checklist.*.item', 'checklist.*.passed', 'checklist.*.note', 'remarks'];

/** What an acceptance check usually looks at; the checker may change, remove or add items. */
const STANDARD_ITEMS: readonly MessageKey[] = [
  'projects.acceptance.standard.work',
  'projects.acceptance.standard.money',
  'projects.acceptance.standard.beneficiaries',
  'projects.acceptance.standard.archive',
];

type Verdict = { state: 'open' } | { state: 'pass'; count: number } | { state: 'fail'; failed: string[] };

function verdictOf(rows: readonly ChecklistRow[] | undefined): Verdict {
  const list = rows ?? [];
  if (list.length === 0 || list.some((row) => row.passed === undefined)) return { state: 'open' };
  const failed = list.filter((row) => row.passed === false).map((row) => row.item?.trim() ?? '');
  return failed.length === 0 ? { state: 'pass', count: list.length } : { state: 'fail', failed };
}

type Props = { project: TProject; open: boolean; onClose: () => void };

/**
 * An acceptance check (检查验收) of a completed project by the organization above: item by item, passed or
 * not. All passed accepts the project; any failed sends it back to 实施 with the failed items as the reason.
 * Mount anew (a new `key`) for each opening.
 */
export function AcceptanceDrawer({ project, open, onClose }: Props) {
  const t = useT();
  const label = useLabel();
  const zodRule = useZodRule();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const checklist = Form.useWatch('checklist', form);
  const verdict = verdictOf(checklist);
  const separator = t('registry.listSeparator');

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      addAcceptance(project.id, {
        checkedOn: toBusinessDate(values.checkedOn) ?? '',
        checklist: values.checklist.map((row) => ({
          item: row.item?.trim() ?? '',
          passed: row.passed ?? false,
          note: row.note?.trim() || null,
        })),
        remarks: values.remarks?.trim() || null,
      }),
    onSuccess: async (saved) => {
      void message.success(
        saved.verdict === 'pass' ? t('projects.acceptance.passedDone') : t('projects.acceptance.failedDone'),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.projects });
    },
    onError: refuse,
  });

  const inProgress = label(PROJECT_STATUS.labels, 'in_progress');
  const accepted = label(PROJECT_STATUS.labels, 'accepted');
  const describe = (of: Verdict) =>
    of.state === 'pass'
      ? t('projects.acceptance.willPass', { count: of.count, status: accepted })
      : of.state === 'fail'
        ? t('projects.acceptance.willFail', {
            count: of.failed.length,
            status: inProgress,
            items: of.failed.join(separator),
          })
        : t('projects.acceptance.undecided');

  const confirm = (values: Values) => {
    const final = verdictOf(values.checklist);
    modal.confirm({
      title: t('projects.acceptance.confirmTitle'),
      content: describe(final),
      okText: t('projects.acceptance.submit'),
      okButtonProps: { danger: final.state === 'fail' },
      cancelText: t('common.cancel'),
      // The dialog stays open, busy, until the verdict is recorded or refused.
      onOk: async () => {
        clearRefusal();
        await mutation.mutateAsync(values).catch(() => undefined);
      },
    });
  };

  const shape = ZCreateAcceptanceRequest.shape;
  const itemShape = shape.checklist.element.shape;

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('projects.acceptance.newTitle', { name: project.name })}
      size={720}
      submitLabel={t('projects.acceptance.submit')}
      isSaving={mutation.isPending}
      isDangerous={verdict.state === 'fail'}
      refusal={refusal}
      onClose={onClose}
    >
      {project.status !== 'completed' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('projects.acceptance.notCompleted', { status: label(PROJECT_STATUS.labels, project.status) })}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          checkedOn: fromBusinessDate(beijingToday()),
          checklist: STANDARD_ITEMS.map((key) => ({ item: t(key) })),
        }}
        onFinish={confirm}
        scrollToFirstError={{ block: 'center' }}
      >
        <Form.Item
          name="checkedOn"
          label={t('projects.acceptance.checkedOn')}
          rules={[{ required: true, message: t('projects.acceptance.checkedOnRequired') }]}
        >
          <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
        <Form.List
          name="checklist"
          rules={[
            {
              validator: (_rule, rows: unknown[] | undefined) =>
                rows && rows.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('projects.acceptance.checklistRequired'))),
            },
          ]}
        >
          {(rows, { add, remove }, { errors }) => (
            <Form.Item label={t('projects.acceptance.checklist')} extra={t('projects.acceptance.checklistHint')}>
              {rows.map((row, index) => (
                <div key={row.key} className="tx-form-row" data-testid="checklist-row">
                  <Typography.Text type="secondary" style={{ width: 20, flex: 'none', lineHeight: '32px' }}>
                    {index + 1}.
                  </Typography.Text>
                  <Form.Item
                    name={[row.name, 'item']}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[zodRule(itemShape.item, { required: true })]}
                  >
                    <Input
                      maxLength={200}
                      aria-label={t('projects.acceptance.item')}
                      placeholder={t('projects.acceptance.item')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'passed']}
                    style={{ flex: 'none' }}
                    rules={[{ required: true, message: t('projects.acceptance.passedRequired') }]}
                  >
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      aria-label={t('projects.acceptance.result')}
                      options={[
                        { value: true, label: t('projects.acceptance.pass') },
                        { value: false, label: t('projects.acceptance.fail') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'note']} style={{ width: 170, flex: 'none' }}>
                    <Input
                      maxLength={500}
                      aria-label={t('projects.acceptance.note')}
                      placeholder={t('projects.acceptance.note')}
                    />
                  </Form.Item>
                  <RemoveRowButton onClick={() => remove(row.name)} />
                </div>
              ))}
              <Space wrap>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('projects.acceptance.addItem')}
                </Button>
                <Button
                  icon={<CheckOutlined />}
                  disabled={rows.length === 0}
                  onClick={() =>
                    form.setFieldValue(
                      'checklist',
                      (form.getFieldValue('checklist') as ChecklistRow[]).map((row) => ({ ...row, passed: true })),
                    )
                  }
                >
                  {t('projects.acceptance.allPassed')}
                </Button>
              </Space>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Alert
          type={verdict.state === 'pass' ? 'success' : verdict.state === 'fail' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('projects.acceptance.verdict')}
          description={describe(verdict)}
          data-testid="acceptance-verdict"
        />
        <Form.Item name="remarks" label={t('projects.acceptance.remarks')} rules={[zodRule(shape.remarks)]}>
          <Input.TextArea
            maxLength={4000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('projects.acceptance.remarksPlaceholder')}
          />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
