import { InfoCircleOutlined } from '@ant-design/icons';
import type { TMeasureInfo } from '@tongxin/contracts';
import { Tooltip, Typography } from 'antd';
import { useLang, useT } from '../../../i18n/useT';

/** What a figure counts, in one line: 立项金额 is not 到账 is not 支出, and a stock is not a flow. */
export function useMeasureNote(): (measure: TMeasureInfo) => string {
  const t = useT();
  const { lang } = useLang();
  return (measure) =>
    t('stats.measure.note', {
      note: measure.note[lang],
      kind: t(measure.kind === 'flow' ? 'stats.kind.flow' : 'stats.kind.stock'),
    });
}

/** A measure's name with its definition on hover (and on tap, on a tablet). */
export function MeasureTitle({ measure }: { measure: TMeasureInfo }) {
  const { lang } = useLang();
  const note = useMeasureNote();
  return (
    <Tooltip title={note(measure)} trigger={['hover', 'click']}>
      <span style={{ whiteSpace: 'nowrap', cursor: 'help' }} data-testid={`measure-${measure.key}`}>
        {measure.label[lang]}{' '}
        <Typography.Text type="secondary">
          <InfoCircleOutlined />
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

/** Every measure of a chart with its definition, for the card's header. */
export function MeasureNotes({ measures }: { measures: readonly TMeasureInfo[] }) {
  const { lang } = useLang();
  const note = useMeasureNote();
  return (
    <div style={{ maxWidth: 360 }}>
      {measures.map((measure) => (
        <div key={measure.key} style={{ marginBottom: 6 }}>
          <Typography.Text strong>{measure.label[lang]}</Typography.Text>
          <div>{note(measure)}</div>
        </div>
      ))}
    </div>
  );
}
