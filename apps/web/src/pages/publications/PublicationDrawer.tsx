import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ANNUAL_PUBLICATION_KINDS,
  PUBLICATION_KIND,
  ZCreatePublicationRequest,
  type TPublication,
  type TPublicationKind,
} from '@tongxin/contracts';
import { App, DatePicker, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { keys } from '../../api/keys';
import { createPublication, updatePublication } from '../../api/publications';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { FormDrawer } from '../../forms/FormDrawer';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useZodRule } from '../../forms/useZodRule';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { useSessionUser } from '../../session/SessionUserContext';
import { PublicationFiles } from './PublicationFiles';

type Values = {
  organizationId: string;
  kind: TPublicationKind;
  title: string;
  summary?: string;
  body?: string;
  publishedOn?: Dayjs | null;
  issueNumber?: string | null;
  issueTotal?: number | null;
  copiesPrinted?: number | null;
  reportYear?: number | null;
};

const FIELDS = [
  'organizationId',
  'kind',
  'title',
  'summary',
  'body',
  'publishedOn',
  'issueNumber',
  'issueTotal',
  'copiesPrinted',
  'reportYear',
];

export type PublicationTarget = { mode: 'create' } | { mode: 'edit'; publication: TPublication };

type Props = { target: PublicationTarget | null; onClose: () => void };

/** The fields a kind has besides the common ones: an issue's numbers, an annual report's year. */
function KindFields({ form }: { form: FormInstance<Values> }) {
  const t = useT();
  const kind = Form.useWatch('kind', form);
  if (kind === 'magazine_issue') {
    return (
      <div className="tx-form-row">
        <Form.Item name="issueNumber" label={t('publications.field.issueNumber')}>
          <Input placeholder={t('publications.placeholder.issueNumber')} maxLength={40} />
        </Form.Item>
        <Form.Item name="issueTotal" label={t('publications.field.issueTotal')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="copiesPrinted" label={t('publications.field.copiesPrinted')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </div>
    );
  }
  if (kind && ANNUAL_PUBLICATION_KINDS.includes(kind)) {
    return (
      <Form.Item
        name="reportYear"
        label={t('publications.field.reportYear')}
        rules={[{ required: true, message: t('publications.reportYearRequired') }]}
      >
        <InputNumber min={1949} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
    );
  }
  return null;
}

/**
 * Starts a publication as a draft, or corrects one (a published one in place, the correction audited); once it
 * exists, its cover and attachments are added and removed here too. Mounted anew for each opening.
 */
export function PublicationDrawer({ target, onClose }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const actor = useSessionUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const editing = target?.mode === 'edit' ? target.publication : null;

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const fields = {
        kind: values.kind,
        title: values.title.trim(),
        summary: values.summary?.trim() ?? '',
        body: values.body ?? '',
        publishedOn: toBusinessDate(values.publishedOn) ?? null,
        issueNumber: values.kind === 'magazine_issue' ? values.issueNumber?.trim() || null : null,
        issueTotal: values.kind === 'magazine_issue' ? (values.issueTotal ?? null) : null,
        copiesPrinted: values.kind === 'magazine_issue' ? (values.copiesPrinted ?? null) : null,
        reportYear: ANNUAL_PUBLICATION_KINDS.includes(values.kind) ? (values.reportYear ?? null) : null,
      };
      return editing
        ? updatePublication(editing.id, fields)
        : createPublication({ ...fields, organizationId: values.organizationId });
    },
    onSuccess: async (saved) => {
      void message.success(t(editing ? 'publications.saved' : 'publications.created', { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: keys.publications });
      onClose();
    },
    onError: refuse,
  });

  const shape = ZCreatePublicationRequest.shape;
  return (
    <FormDrawer
      form={form}
      open={target !== null}
      title={editing ? t('publications.editTitle', { title: editing.title }) : t('publications.createTitle')}
      size={640}
      submitLabel={editing ? t('common.save') : t('publications.create')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                organizationId: editing.organizationId,
                kind: editing.kind,
                title: editing.title,
                summary: editing.summary,
                body: editing.body,
                publishedOn: fromBusinessDate(editing.publishedOn),
                issueNumber: editing.issueNumber,
                issueTotal: editing.issueTotal,
                copiesPrinted: editing.copiesPrinted,
                reportYear: editing.reportYear,
              }
            : { organizationId: actor.organizationId, kind: 'news' }
        }
        onFinish={(values) => {
          clearRefusal();
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="organizationId"
          label={t('publications.field.organization')}
          rules={[{ required: true, message: t('org.members.memberRequired') }]}
        >
          <OrganizationSelect
            valueLabel={editing?.organizationName ?? actor.organizationName}
            disabled={Boolean(editing)}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('publications.field.kind')} rules={[{ required: true }]}>
          <Select options={options(PUBLICATION_KIND.labels, PUBLICATION_KIND.values)} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('publications.field.title')}
          required
          rules={[zodRule(shape.title, { required: true })]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <KindFields form={form} />
        <Form.Item
          name="publishedOn"
          label={t('publications.field.publishedOn')}
          extra={t('publications.hint.publishedOn')}
        >
          <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="summary" label={t('publications.field.summary')} rules={[zodRule(shape.summary)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="body" label={t('publications.field.body')} extra={t('publications.hint.body')}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} />
        </Form.Item>
      </Form>
      {editing && <PublicationFiles publication={editing} />}
    </FormDrawer>
  );
}
