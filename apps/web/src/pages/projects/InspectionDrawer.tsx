import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INSPECTION_RATING, ZCreateInspectionRequest, type TInspectionRating, type TProject } from '@tongxin/contracts';
import { App, Button, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { addInspection } from '../../api/projects';
import { FormDrawer } from '../../forms/FormDrawer';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { RemoveRowButton } from '../../forms/RemoveRowButton';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useSingleFlight } from '../../forms/useSingleFlight';
import { useZodRule } from '../../forms/useZodRule';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { PhotoUpload } from './shared/PhotoUpload';

type FollowUpRow = { action?: string; owner?: string; dueOn?: Dayjs | null };
type Values = {
  visitedOn: Dayjs | null;
  inspectors?: string;
  rating?: TInspectionRating;
  findings?: string;
  followUps: FollowUpRow[];
  photoIds: string[];
};

const FIELDS = [
  'visitedOn',
  'inspectors',
  'rating',
  'findings',
  'followUps',
  'followUps.*.action',
  'followUps.*.owner',
  'followUps.*.dueOn',
  'photoIds',
];

type Props = { project: TProject; open: boolean; onClose: () => void };

/**
 * Records an inspection visit (跟踪督导) by an organization above the project's: who went, what they found,
 * the rating, what must be put right by when, photos. Mount anew (a new `key`) for each opening.
 */
export function InspectionDrawer({ project, open, onClose }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const [uploading, setUploading] = useState(false);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      addInspection(project.id, {
        visitedOn: toBusinessDate(values.visitedOn) ?? '',
        inspectors: values.inspectors?.trim() ?? '',
        rating: values.rating ?? 'good',
        findings: values.findings?.trim() ?? '',
        followUps: values.followUps.map((row) => ({
          action: row.action?.trim() ?? '',
          owner: row.owner?.trim() ?? '',
          dueOn: toBusinessDate(row.dueOn) ?? '',
          done: false,
        })),
        photoIds: values.photoIds,
      }),
    onSuccess: async (saved) => {
      void message.success(t('projects.inspection.recorded', { date: saved.visitedOn }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.projectRecords(project.id) });
      await queryClient.invalidateQueries({ queryKey: keys.supervision });
    },
    onError: refuse,
  });

  const shape = ZCreateInspectionRequest.shape;
  const followUpShape = shape.followUps.unwrap().element.shape;

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('projects.inspection.newTitle', { name: project.name })}
      size={720}
      submitLabel={t('projects.inspection.submit')}
      isSaving={mutation.isPending}
      isWaiting={uploading}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: fromBusinessDate(beijingToday()), followUps: [], photoIds: [] }}
        onFinish={(values) => {
          if (uploading) {
            void message.warning(t('projects.photo.wait'));
            return;
          }
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="visitedOn"
              label={t('projects.inspection.visitedOn')}
              rules={[{ required: true, message: t('projects.inspection.visitedOnRequired') }]}
            >
              <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="inspectors"
              label={t('projects.inspection.inspectors')}
              required
              rules={[zodRule(shape.inspectors, { required: true })]}
            >
              <Input autoFocus maxLength={300} placeholder={t('projects.inspection.inspectorsPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="rating"
          label={t('projects.inspection.rating')}
          rules={[{ required: true, message: t('projects.inspection.ratingRequired') }]}
        >
          <Radio.Group optionType="button" options={options(INSPECTION_RATING.labels, INSPECTION_RATING.values)} />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('projects.inspection.findings')}
          required
          rules={[zodRule(shape.findings, { required: true })]}
        >
          <Input.TextArea
            maxLength={8000}
            showCount
            autoSize={{ minRows: 4, maxRows: 12 }}
            placeholder={t('projects.inspection.findingsPlaceholder')}
          />
        </Form.Item>
        <Form.List name="followUps">
          {(rows, { add, remove }, { errors }) => (
            <Form.Item label={t('projects.inspection.followUps')} extra={t('projects.inspection.followUpsHint')}>
              {rows.map((row) => (
                <div key={row.key} className="tx-form-row" data-testid="follow-up-row">
                  <Form.Item
                    name={[row.name, 'action']}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[zodRule(followUpShape.action, { required: true })]}
                  >
                    <Input
                      maxLength={300}
                      aria-label={t('projects.inspection.followUp')}
                      placeholder={t('projects.inspection.followUpPlaceholder')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'owner']}
                    style={{ width: 170, flex: 'none' }}
                    rules={[zodRule(followUpShape.owner, { required: true })]}
                  >
                    <Input
                      maxLength={60}
                      aria-label={t('projects.inspection.followUpOwner')}
                      placeholder={t('projects.inspection.followUpOwner')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'dueOn']}
                    style={{ width: 150, flex: 'none' }}
                    rules={[{ required: true, message: t('projects.inspection.followUpDueRequired') }]}
                  >
                    <DatePicker
                      aria-label={t('projects.inspection.followUpDue')}
                      placeholder={t('projects.inspection.followUpDue')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <RemoveRowButton onClick={() => remove(row.name)} />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ owner: project.ownerOrganizationName })}
              >
                {t('projects.inspection.addFollowUp')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="photoIds" label={t('projects.inspection.photos')} extra={t('projects.photo.hint')}>
          <PhotoUpload projectId={project.id} onBusyChange={setUploading} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
