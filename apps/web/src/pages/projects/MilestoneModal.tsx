import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ZCreateMilestoneRequest,
  type TMilestone,
  type TProject,
  type TUpdateMilestoneRequest,
} from '@tongxin/contracts';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { keys } from '../../api/keys';
import { addMilestone, updateMilestone } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useSingleFlight } from '../../forms/useSingleFlight';
import { useZodRule } from '../../forms/useZodRule';
import { useLang, useT } from '../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';

export type MilestoneTarget =
  { mode: 'create' } | { mode: 'edit'; milestone: TMilestone } | { mode: 'achieve'; milestone: TMilestone };

type Values = {
  title?: string;
  dueOn?: Dayjs | null;
  targetValue?: number | null;
  unit?: string;
  achievedValue?: number | null;
  achievedOn?: Dayjs | null;
};

const FIELDS = ['title', 'dueOn', 'targetValue', 'unit', 'achievedValue', 'achievedOn'];

function initialValuesOf(target: MilestoneTarget | null): Values {
  if (!target || target.mode === 'create') return {};
  const m = target.milestone;
  if (target.mode === 'achieve') {
    return {
      achievedValue: m.achievedValue ?? m.targetValue,
      achievedOn: fromBusinessDate(m.achievedOn ?? beijingToday()),
    };
  }
  return { title: m.title, dueOn: fromBusinessDate(m.dueOn), targetValue: m.targetValue, unit: m.unit ?? undefined };
}

type Props = { project: TProject; target: MilestoneTarget | null; onClose: () => void };

/**
 * Plans a milestone, changes one, or records what it reached (the value so far, and the day when it was
 * reached in full). Mount anew (a new `key`) for each opening.
 */
export function MilestoneModal({ project, target, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const mode = target?.mode ?? 'create';
  const milestone = target && target.mode !== 'create' ? target.milestone : null;

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (!milestone) {
        return addMilestone(project.id, {
          title: values.title?.trim() ?? '',
          dueOn: toBusinessDate(values.dueOn) ?? '',
          targetValue: values.targetValue ?? null,
          unit: values.unit?.trim() || null,
        });
      }
      const patch: TUpdateMilestoneRequest =
        mode === 'achieve'
          ? { achievedValue: values.achievedValue ?? null, achievedOn: toBusinessDate(values.achievedOn) ?? null }
          : {
              title: values.title?.trim() ?? '',
              dueOn: toBusinessDate(values.dueOn) ?? '',
              targetValue: values.targetValue ?? null,
              unit: values.unit?.trim() || null,
            };
      return updateMilestone(project.id, milestone.id, patch);
    },
    onSuccess: async (saved) => {
      void message.success(
        mode === 'create'
          ? t('projects.milestone.added', { title: saved.title })
          : t('projects.milestone.saved', { title: saved.title }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.projectRecords(project.id) });
    },
    onError: refuse,
  });

  const title =
    mode === 'create'
      ? t('projects.milestone.addTitle')
      : mode === 'edit'
        ? t('projects.milestone.editTitle', { title: milestone?.title ?? '' })
        : t('projects.milestone.recordTitle', { title: milestone?.title ?? '' });
  const shape = ZCreateMilestoneRequest.shape;

  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {mode === 'create' ? t('projects.milestone.addSubmit') : t('common.save')}
          </Button>
        </>
      }
    >
      {refusal && <ErrorAlert error={refusal.error} extra={refusal.extra} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValuesOf(target)}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
      >
        {mode === 'achieve' && milestone ? (
          <>
            <Typography.Paragraph type="secondary">
              {milestone.targetValue === null
                ? t('projects.milestone.recordHintNoTarget', { due: milestone.dueOn })
                : t('projects.milestone.recordHint', {
                    due: milestone.dueOn,
                    target: `${milestone.targetValue.toLocaleString(lang)}${milestone.unit ? ` ${milestone.unit}` : ''}`,
                  })}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="achievedValue" label={t('projects.milestone.achieved')}>
                  <InputNumber
                    autoFocus
                    min={0}
                    max={1e12}
                    style={{ width: '100%' }}
                    suffix={milestone.unit ?? undefined}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="achievedOn"
                  label={t('projects.milestone.achievedOnLabel')}
                  extra={t('projects.milestone.achievedOnHint')}
                >
                  <DatePicker disabledDate={isAfterToday} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        ) : (
          <>
            <Form.Item
              name="title"
              label={t('projects.milestone.title')}
              required
              rules={[zodRule(shape.title, { required: true })]}
            >
              <Input autoFocus maxLength={200} placeholder={t('projects.milestone.titlePlaceholder')} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={10}>
                <Form.Item
                  name="dueOn"
                  label={t('projects.milestone.dueOn')}
                  rules={[{ required: true, message: t('projects.milestone.dueOnRequired') }]}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={14} sm={8}>
                <Form.Item name="targetValue" label={t('projects.milestone.target')}>
                  <InputNumber min={0} max={1e12} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={10} sm={6}>
                <Form.Item name="unit" label={t('projects.milestone.unit')} rules={[zodRule(shape.unit)]}>
                  <Input maxLength={20} placeholder={t('projects.milestone.unitPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <HiddenSubmit />
      </Form>
    </Modal>
  );
}
