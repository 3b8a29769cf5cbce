import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PROJECT_ACTION, PROJECT_STATUS, type TProject, type TProjectAction } from '@tongxin/contracts';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { transitionProject } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useSingleFlight } from '../../forms/useSingleFlight';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { ACTION_KIND, ACTION_TARGET, NEEDS_REASON, REASON_PLACEHOLDERS } from './shared/labels';

type Values = { on: Dayjs | null; reason?: string };

/** What each step means for the project, said before it is taken. */
const CONSEQUENCES: Readonly<Record<TProjectAction, MessageKey>> = {
  submit: 'projects.transition.consequence.submit',
  approve: 'projects.transition.consequence.approve',
  reject: 'projects.transition.consequence.reject',
  start: 'projects.transition.consequence.start',
  complete: 'projects.transition.consequence.complete',
  accept: 'projects.transition.consequence.accept',
  fail_acceptance: 'projects.transition.consequence.fail_acceptance',
  close: 'projects.transition.consequence.close',
  suspend: 'projects.transition.consequence.suspend',
  resume: 'projects.transition.consequence.resume',
  terminate: 'projects.transition.consequence.terminate',
};

type Props = { project: TProject; action: TProjectAction | null; onClose: () => void };

/**
 * Confirms one step of the lifecycle: what it changes, the day it happened (today unless said otherwise) and,
 * for refusals and stops, the reason, which the timeline keeps. Mount anew (a new `key`) for each opening.
 */
export function TransitionModal({ project, action: requested, onClose }: Props) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, ['reason', 'on']);
  // The dialog keeps its words while it fades out after closing.
  const [action, setAction] = useState(requested);
  if (requested && requested !== action) setAction(requested);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (!action) throw new Error('no action');
      return transitionProject(project.id, {
        action,
        on: toBusinessDate(values.on),
        reason: values.reason?.trim() || null,
      });
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.project(saved.id), saved);
      void message.success(
        t('projects.transition.done', {
          action: action ? label(PROJECT_ACTION.labels, action) : '',
          status: label(PROJECT_STATUS.labels, saved.status),
        }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.projects });
    },
    onError: async (error) => {
      refuse(error);
      // The project may have moved on meanwhile: show what it is now.
      await queryClient.invalidateQueries({ queryKey: keys.project(project.id) });
    },
  });

  if (!action) return null;
  const name = label(PROJECT_ACTION.labels, action);
  const target = ACTION_TARGET[action];
  const to = target === 'previous' ? (project.suspendedFrom ?? 'in_progress') : target;
  const needsReason = NEEDS_REASON.has(action);
  const stops = ACTION_KIND[action] === 'stop';
  const placeholder = REASON_PLACEHOLDERS[action];

  return (
    <Modal
      open={requested !== null}
      title={t('projects.transition.title', { action: name })}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={stops}
            loading={mutation.isPending}
            onClick={() => form.submit()}
            data-testid="transition-confirm"
          >
            {t('projects.transition.confirm', { action: name })}
          </Button>
        </>
      }
    >
      <Typography.Paragraph data-testid="transition-change">
        {t('projects.transition.change', {
          name: project.name,
          from: label(PROJECT_STATUS.labels, project.status),
          to: label(PROJECT_STATUS.labels, to),
        })}
      </Typography.Paragraph>
      <Alert
        type={stops ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(CONSEQUENCES[action])}
        description={t('projects.transition.recorded')}
      />
      {refusal && <ErrorAlert error={refusal.error} extra={refusal.extra} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: fromBusinessDate(beijingToday()) }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
      >
        <Form.Item
          name="reason"
          label={needsReason ? t('projects.transition.reason') : t('projects.transition.note')}
          rules={
            needsReason
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t('projects.transition.reasonRequired', { action: name }),
                  },
                ]
              : []
          }
        >
          <Input.TextArea
            autoFocus={needsReason}
            maxLength={1000}
            autoSize={{ minRows: needsReason ? 3 : 2, maxRows: 6 }}
            placeholder={placeholder ? t(placeholder) : t('projects.transition.notePlaceholder')}
            onKeyDown={(event) => {
              // Enter confirms, Shift+Enter starts a new line.
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t('projects.transition.on')}
          extra={t('projects.transition.onHint')}
          rules={[{ required: true, message: t('projects.transition.onRequired') }]}
          style={{ marginBottom: 0 }}
        >
          <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </Modal>
  );
}
