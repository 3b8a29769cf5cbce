import { useQuery } from '@tanstack/react-query';
import { PLEDGE_KIND, type TDesignation, type TPledge } from '@tongxin/contracts';
import { Form, Select, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { fetchPledges } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatYuan } from '../../../lib/money';
import type { DesignationValues } from './DesignationFields';

function designationValues(designation: TDesignation): DesignationValues {
  return { ...designation };
}

type Props = {
  organizationId: string;
  donorId: string | null;
  /** A pledge to pick as soon as the donor's pledges are known (from a pledge's page). */
  preset?: string | null;
};

type PledgeOption = { value: string; label: string; pledge: TPledge };

/**
 * 兑现认捐 (optional): the gift fulfils one of the donor's open pledges. Picking one sets the gift's
 * designation and public name to the pledge's, which the server requires of a gift against it. Shown only
 * when the donor has an open pledge with this organization.
 */
export function PledgeField({ organizationId, donorId, preset }: Props) {
  const t = useT();
  const label = useLabel();
  const form = Form.useFormInstance();
  const query = { organizationId, donorId: donorId ?? undefined, pageSize: 50 };
  const pledges = useQuery({
    queryKey: keys.pledgeList(query),
    queryFn: ({ signal }) => fetchPledges(query, signal),
    enabled: Boolean(donorId),
  });
  const open = (pledges.data?.items ?? []).filter((pledge) => pledge.fulfilled < pledge.total);
  // The preset is applied once: a gift booked clears the field, and the next gift fulfils nothing unless chosen.
  const applied = useRef<string | null>(null);

  const choose = (pledge: TPledge | null) => {
    form.setFieldValue('pledgeId', pledge?.id ?? null);
    if (!pledge) return;
    form.setFieldValue('designation', designationValues(pledge.designation));
    form.setFieldValue('displayAs', pledge.displayAs);
  };
  const presetPledge = preset ? open.find((pledge) => pledge.id === preset) : undefined;
  useEffect(() => {
    if (!presetPledge || applied.current === presetPledge.id) return;
    applied.current = presetPledge.id;
    form.setFieldValue('pledgeId', presetPledge.id);
    form.setFieldValue('designation', designationValues(presetPledge.designation));
    form.setFieldValue('displayAs', presetPledge.displayAs);
  }, [presetPledge, form]);

  if (!donorId || open.length === 0) return null;
  const options: PledgeOption[] = open.map((pledge) => ({ value: pledge.id, label: pledge.title, pledge }));
  return (
    <Form.Item name="pledgeId" label={t('funds.entry.pledge')} extra={t('funds.entry.pledgeHint')}>
      <Select<string | null, PledgeOption>
        allowClear
        placeholder={t('funds.entry.pledgePlaceholder', { count: open.length })}
        options={options}
        data-testid="pledge-select"
        optionRender={(option) => {
          const pledge = option.data.pledge;
          return (
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {label(PLEDGE_KIND.labels, pledge.kind)} · {pledge.title}
              </span>
              <Typography.Text
                type={pledge.overdue > 0 ? 'danger' : 'secondary'}
                style={{ flex: 'none', fontSize: 12 }}
              >
                {pledge.overdue > 0
                  ? t('funds.pledge.overdueTag', { amount: formatYuan(pledge.overdue) ?? '' })
                  : t('funds.entry.pledgeOutstanding', { amount: formatYuan(pledge.total - pledge.fulfilled) ?? '' })}
              </Typography.Text>
            </div>
          );
        }}
        onChange={(_value, option) => choose(Array.isArray(option) ? null : (option?.pledge ?? null))}
      />
    </Form.Item>
  );
}
