import { EditOutlined, EnvironmentOutlined, EyeOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ASSISTANCE_WAY, type THouseholdCard } from '@tongxin/contracts';
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { keys } from '../../../api/keys';
import { fetchHousehold, revealHouseholdField, type RevealableField } from '../../../api/registry';
import { RecordPageState } from '../../../components/RecordPageState';
import { useLabel } from '../../../i18n/useLabel';
import { useLang, useT } from '../../../i18n/useT';
import { usePageCrumbs, type Crumb } from '../../../layout/BreadcrumbContext';
import { formatDateTime } from '../../../lib/dates';
import { formatYuan } from '../../../lib/money';
import { useCan } from '../../../session/SessionUserContext';
import { HouseholdFormDrawer, type HouseholdFormTarget } from '../households/HouseholdFormDrawer';
import { MONO, useCauseLabel } from '../shared/labels';
import { RevealModal, type RevealTarget } from '../shared/RevealModal';
import { HouseholdTypeTag, MonitoringTag, RiskTags } from '../shared/Tags';
import { HistoryTimeline } from './HistoryTimeline';
import { MembersSection } from './MembersSection';

/** 基本情况: every field of the card; money in yuan, phone and address masked unless revealed. */
function BasicInfo({
  household: h,
  onReveal,
}: {
  household: THouseholdCard;
  onReveal?: (field: RevealableField) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const label = useLabel();
  const causeLabel = useCauseLabel();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const yuan = (fen: number | null) =>
    fen === null ? none : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(fen)}</span>;
  const yesNo = (value: boolean | null) =>
    value === null ? (
      none
    ) : value ? (
      t('registry.yes')
    ) : (
      <Typography.Text type="danger">{t('registry.no')}</Typography.Text>
    );
  const masked = (value: string | null, field: RevealableField, mono: boolean) =>
    value ? (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, flexWrap: 'wrap' }}>
        <span style={mono ? MONO : undefined} data-testid={`masked-${field}`}>
          {value}
        </span>
        {onReveal && (
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => onReveal(field)}
            aria-label={t(field === 'phone' ? 'registry.reveal.phone' : 'registry.reveal.address')}
          >
            {t('registry.reveal.button')}
          </Button>
        )}
      </span>
    ) : (
      none
    );
  const causes = h.otherCauses.map((cause) => causeLabel(cause)).join(t('registry.listSeparator'));
  const items: { key: string; label: string; children: ReactNode; span?: 'filled' }[] = [
    { key: 'code', label: t('registry.household.code'), children: h.code ? <span style={MONO}>{h.code}</span> : none },
    { key: 'type', label: t('registry.household.type'), children: <HouseholdTypeTag type={h.type} /> },
    { key: 'head', label: t('registry.household.headName'), children: h.headName ?? none },
    {
      key: 'headIdNumber',
      label: t('registry.household.headIdNumber'),
      children: h.headIdNumberMasked ? (
        <span style={MONO} data-testid="head-id-number">
          {h.headIdNumberMasked}
        </span>
      ) : (
        none
      ),
    },
    { key: 'memberCount', label: t('registry.household.memberCount'), children: h.memberCount },
    { key: 'identifiedYear', label: t('registry.household.identifiedYear'), children: h.identifiedYear ?? none },
    { key: 'mainCause', label: t('registry.household.mainCause'), children: causeLabel(h.mainCause) ?? none },
    { key: 'otherCauses', label: t('registry.household.otherCauses'), children: causes || none },
    { key: 'incomePerCapita', label: t('registry.household.incomePerCapita'), children: yuan(h.incomePerCapita) },
    { key: 'wageIncome', label: t('registry.household.wageIncome'), children: yuan(h.wageIncome) },
    { key: 'productionIncome', label: t('registry.household.productionIncome'), children: yuan(h.productionIncome) },
    { key: 'transferIncome', label: t('registry.household.transferIncome'), children: yuan(h.transferIncome) },
    { key: 'propertyIncome', label: t('registry.household.propertyIncome'), children: yuan(h.propertyIncome) },
    {
      key: 'identificationScore',
      label: t('registry.household.identificationScore'),
      children: h.identificationScore ?? none,
    },
    { key: 'housingSafe', label: t('registry.household.housingSafe'), children: yesNo(h.housingSafe) },
    {
      key: 'drinkingWaterSafe',
      label: t('registry.household.drinkingWaterSafe'),
      children: yesNo(h.drinkingWaterSafe),
    },
    { key: 'exitYear', label: t('registry.household.exitYear'), children: h.exitYear ?? none },
    {
      key: 'exitWay',
      label: t('registry.household.exitWay'),
      children: h.exitWay ? label(ASSISTANCE_WAY.labels, h.exitWay) : none,
    },
    {
      key: 'monitoringCategory',
      label: t('registry.household.monitoringCategory'),
      children: h.monitoringCategory ? <MonitoringTag category={h.monitoringCategory} /> : none,
    },
    {
      key: 'risks',
      label: t('registry.household.risks'),
      children: h.risks.length > 0 ? <RiskTags risks={h.risks} /> : none,
    },
    ...(h.type === 'monitored' || h.riskEliminated
      ? [
          {
            key: 'riskEliminated',
            label: t('registry.household.riskEliminated'),
            children: h.riskEliminated
              ? [h.riskEliminatedOn, h.riskEliminationWay ? label(ASSISTANCE_WAY.labels, h.riskEliminationWay) : null]
                  .filter(Boolean)
                  .join(' · ') || t('registry.yes')
              : t('registry.household.riskOpen'),
          },
        ]
      : []),
    { key: 'cadre', label: t('registry.household.cadre'), children: h.cadreName ?? none },
    { key: 'phone', label: t('registry.household.phone'), children: masked(h.phoneMasked, 'phone', true) },
    {
      key: 'address',
      label: t('registry.household.address'),
      children: masked(h.addressMasked, 'address', false),
      span: 'filled',
    },
    { key: 'createdAt', label: t('registry.household.createdAt'), children: formatDateTime(h.createdAt) },
    { key: 'updatedAt', label: t('registry.household.updatedAt'), children: formatDateTime(h.updatedAt) },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: lang === 'en' ? 1 : 2, xxl: 2 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
      items={items}
    />
  );
}

/** 农户档案卡: one household with its members and the dated history of its type and monitoring. */
export function HouseholdPage() {
  const t = useT();
  const can = useCan();
  const { householdId = '' } = useParams();
  const household = useQuery({
    queryKey: keys.household(householdId),
    queryFn: ({ signal }) => fetchHousehold(householdId, signal),
  });
  const [formTarget, setFormTarget] = useState<HouseholdFormTarget | null>(null);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const [opening, setOpening] = useState(0);
  const h = household.data;

  const crumbs = useMemo<Crumb[]>(
    () =>
      h
        ? [
            {
              key: 'village',
              title: h.villageName.split(' ').at(-1) ?? h.villageName,
              href: `/registry/villages/${h.villageId}`,
            },
            { key: h.id, title: h.headName ?? h.code ?? '' },
          ]
        : [],
    [h],
  );
  usePageCrumbs(crumbs);

  if (household.isPending || household.isError || !h) return <RecordPageState query={household} rows={12} />;

  const canWrite = can('write');
  const reveal = (field: RevealableField) => {
    setOpening((count) => count + 1);
    setRevealing({
      what: t(field === 'phone' ? 'registry.household.phone' : 'registry.household.address'),
      whose: h.headName ?? h.code ?? '',
      mono: field === 'phone',
      reveal: async (reason) => (await revealHouseholdField(h.id, field, reason)).value,
    });
  };

  return (
    <>
      <Card styles={{ body: { paddingBlock: 20 } }} style={{ marginBottom: 16 }}>
        <div className="tx-detail-header">
          <div style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Space align="center" size={10} wrap>
              <UserOutlined style={{ fontSize: 20, color: '#1a5fb4' }} />
              <Typography.Title level={2} className="tx-detail-title" data-testid="household-title">
                {h.headName ?? t('registry.household.noHead')}
              </Typography.Title>
              {h.code && (
                <Typography.Text type="secondary" style={MONO}>
                  {t('registry.household.codeLine', { code: h.code })}
                </Typography.Text>
              )}
            </Space>
            <div className="tx-detail-meta" style={{ gap: 6 }}>
              <HouseholdTypeTag type={h.type} />
              {h.monitoringCategory && <MonitoringTag category={h.monitoringCategory} />}
              {h.type === 'monitored' &&
                (h.riskEliminated ? (
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    {t('registry.household.riskEliminatedTag')}
                  </Tag>
                ) : (
                  h.risks.length > 0 && <RiskTags risks={h.risks} />
                ))}
            </div>
            <div className="tx-detail-meta" style={{ gap: '4px 16px', color: '#5c6370', fontSize: 13 }}>
              <span data-testid="household-village">
                <EnvironmentOutlined style={{ marginInlineEnd: 4 }} />
                <Link to={`/registry/villages/${h.villageId}`}>{h.villageName}</Link>
              </span>
              <span>{h.organizationName}</span>
              {h.cadreName && <span>{t('registry.household.cadreLine', { name: h.cadreName })}</span>}
            </div>
          </div>
          {canWrite && (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                setOpening((count) => count + 1);
                setFormTarget({ mode: 'edit', household: h });
              }}
            >
              {t('registry.household.edit')}
            </Button>
          )}
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('registry.card.basic')}>
            <BasicInfo household={h} onReveal={canWrite ? reveal : undefined} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('registry.card.history')} extra={<HistoryHint />}>
            <HistoryTimeline householdId={h.id} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('registry.card.members')}>
            <MembersSection household={h} canWrite={canWrite} />
          </Card>
        </Col>
      </Row>
      <HouseholdFormDrawer
        key={`form-${opening}`}
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={() => setFormTarget(null)}
      />
      <RevealModal key={`reveal-${opening}`} target={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}

function HistoryHint() {
  const t = useT();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('registry.card.historyHint')}
    </Typography.Text>
  );
}
