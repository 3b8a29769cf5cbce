import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REPORT_KIND, ZCreateReportRequest, type TProject, type TReportKind } from '@tongxin/contracts';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { addReport } from '../../api/projects';
import { FormDrawer } from '../../forms/FormDrawer';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { RemoveRowButton } from '../../forms/RemoveRowButton';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useSingleFlight } from '../../forms/useSingleFlight';
import { useZodRule } from '../../forms/useZodRule';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { REPORTABLE } from './shared/labels';
import { PhotoUpload } from './shared/PhotoUpload';

type Figure = { label?: string; value?: number | null; unit?: string };
type Values = {
  kind: TReportKind;
  reportedOn: Dayjs | null;
  text?: string;
  figures: Figure[];
  isPublic: boolean;
  photoIds: string[];
};

const FIELDS = [
  'kind',
  'reportedOn',
  'text',
  'figures',
  'figures.*.label',
  'figures.*.value',
  'figures.*.unit',
  'isPublic',
  'photoIds',
];

type Props = { project: TProject; open: boolean; onClose: () => void };

/**
 * Files a progress report (or the final report once the work is done): what was done, figures, photos. Photos
 * are uploaded as they are picked; the report then names them. Mount anew (a new `key`) for each opening.
 */
export function ReportDrawer({ project, open, onClose }: Props) {
  const t = useT();
  const label = useLabel();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const [uploading, setUploading] = useState(false);
  const kinds = REPORT_KIND.values.filter((kind) => REPORTABLE[kind].has(project.status));
  const isPublic = Form.useWatch('isPublic', form);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      addReport(project.id, {
        kind: values.kind,
        reportedOn: toBusinessDate(values.reportedOn) ?? '',
        text: values.text?.trim() ?? '',
        figures: values.figures.map((figure) => ({
          label: figure.label?.trim() ?? '',
          value: figure.value ?? 0,
          unit: figure.unit?.trim() || null,
        })),
        isPublic: values.isPublic,
        photoIds: values.photoIds,
      }),
    onSuccess: async (saved) => {
      void message.success(
        t('projects.report.filed', { kind: label(REPORT_KIND.labels, saved.kind), date: saved.reportedOn }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.projectRecords(project.id) });
      await queryClient.invalidateQueries({ queryKey: keys.supervision });
    },
    onError: refuse,
  });

  const shape = ZCreateReportRequest.shape;
  const figureShape = shape.figures.unwrap().element.shape;

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('projects.report.newTitle', { name: project.name })}
      size={680}
      submitLabel={t('projects.report.submit')}
      isSaving={mutation.isPending}
      isWaiting={uploading}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: kinds.includes('progress') ? 'progress' : 'final',
          reportedOn: fromBusinessDate(beijingToday()),
          figures: [],
          isPublic: false,
          photoIds: [],
        }}
        onFinish={(values) => {
          // The report names its photos by their ids, which come back as each upload ends.
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
          <Col xs={24} md={14}>
            <Form.Item name="kind" label={t('projects.report.kind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={REPORT_KIND.values.map((kind) => ({
                  value: kind,
                  label: label(REPORT_KIND.labels, kind),
                  disabled: !kinds.includes(kind),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="reportedOn"
              label={t('projects.report.reportedOn')}
              rules={[{ required: true, message: t('projects.report.reportedOnRequired') }]}
            >
              <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="text"
          label={t('projects.report.text')}
          required
          rules={[zodRule(shape.text, { required: true })]}
        >
          <Input.TextArea
            autoFocus
            maxLength={8000}
            showCount
            autoSize={{ minRows: 4, maxRows: 12 }}
            placeholder={t('projects.report.textPlaceholder')}
          />
        </Form.Item>
        <Form.List name="figures">
          {(rows, { add, remove }, { errors }) => (
            <Form.Item label={t('projects.report.figures')} extra={t('projects.report.figuresHint')}>
              {rows.map((row) => (
                <div key={row.key} className="tx-form-row" data-testid="figure-row">
                  <Form.Item
                    name={[row.name, 'label']}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[zodRule(figureShape.label, { required: true })]}
                  >
                    <Input
                      maxLength={60}
                      aria-label={t('projects.report.figureLabel')}
                      placeholder={t('projects.report.figureLabelPlaceholder')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'value']}
                    style={{ width: 140, flex: 'none' }}
                    rules={[{ required: true, message: t('projects.report.figureValueRequired') }]}
                  >
                    <InputNumber
                      aria-label={t('projects.report.figureValue')}
                      placeholder={t('projects.report.figureValue')}
                      min={-1e12}
                      max={1e12}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'unit']} style={{ width: 90, flex: 'none' }}>
                    <Input
                      maxLength={20}
                      aria-label={t('projects.milestone.unit')}
                      placeholder={t('projects.milestone.unit')}
                    />
                  </Form.Item>
                  <RemoveRowButton onClick={() => remove(row.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('projects.report.addFigure')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="photoIds" label={t('projects.report.photos')} extra={t('projects.photo.hint')}>
          <PhotoUpload projectId={project.id} onBusyChange={setUploading} />
        </Form.Item>
        <Form.Item
          name="isPublic"
          label={t('projects.report.isPublic')}
          valuePropName="checked"
          extra={isPublic ? t('projects.report.publicHint') : t('projects.report.internalHint')}
        >
          <Switch checkedChildren={t('projects.report.public')} unCheckedChildren={t('projects.report.internal')} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
