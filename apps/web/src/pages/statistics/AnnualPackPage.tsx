import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAnnualPack, TAnnualSection } from '@tongxin/contracts';
import { Alert, App, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { keys } from '../../api/keys';
import {
  exportAnnualPack,
  fetchAnnualPack,
  issueAnnualPack,
  statisticsKeys,
  type AnnualPackQuery,
} from '../../api/statistics';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLang, useT } from '../../i18n/useT';
import { formatDateTime } from '../../lib/dates';
import { useSessionUser } from '../../session/SessionUserContext';
import { figureOf } from './shared/figureQuery';
import { FigureTable } from './shared/FigureTable';
import { RecordsDrawer, type OpenFigure } from './shared/RecordsDrawer';
import { ScopeBar } from './shared/ScopeBar';
import { thisYear, useStatisticsScope } from './shared/useStatisticsScope';
import './statistics.css';

/**
 * 年度数据: the figures an annual work summary quotes, for an organization's subtree and a year — section by
 * section, each figure opening the records behind it — printable, as a workbook, and issued once: issuing
 * fixes the figures and closes the year's books.
 */
export function AnnualPackPage() {
  const t = useT();
  const { lang } = useLang();
  const user = useSessionUser();
  // The server lets an organization's administrators issue, since issuing closes the books.
  const isIssuer = user.role === 'org_admin' || user.role === 'platform_admin';
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  // The pack usually quoted is last year's, once its books are complete.
  const [state, update] = useStatisticsScope(thisYear() - 1);
  const query: AnnualPackQuery = { organizationId: state.organizationId ?? user.organizationId, year: state.year };
  const [figure, setFigure] = useState<OpenFigure | null>(null);
  const pack = useQuery({
    queryKey: statisticsKeys.annual(query),
    queryFn: ({ signal }) => fetchAnnualPack(query, signal),
  });
  const data = pack.data;
  const exporting = useMutation({
    mutationFn: () => exportAnnualPack(query),
    onSuccess: (name) => void message.success(t('stats.export.done', { name })),
    onError: (error) => void message.error(error.message),
  });
  const issuing = useMutation({
    mutationFn: () => issueAnnualPack(query),
    onSuccess: async (issued) => {
      void message.success(t('stats.annual.issued', { name: issued.organizationName, year: issued.year }));
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.all });
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
  });

  const confirmIssue = (shown: TAnnualPack) =>
    modal.confirm({
      title: t('stats.annual.confirmTitle', { name: shown.organizationName, year: shown.year }),
      content: (
        <>
          <Typography.Paragraph>
            {t('stats.annual.confirmText', { name: shown.organizationName, year: shown.year })}
          </Typography.Paragraph>
          <Typography.Paragraph type="danger" strong style={{ marginBottom: 0 }}>
            {t('stats.annual.confirmIrreversible')}
          </Typography.Paragraph>
        </>
      ),
      okText: t('stats.annual.issue'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => issuing.mutateAsync().catch(() => undefined),
    });

  const open = (section: TAnnualSection) => (measure: string, row: Parameters<typeof figureOf>[2]) =>
    setFigure(
      figureOf({ organizationId: query.organizationId, year: query.year }, measure, row, lang, section.title[lang]),
    );

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('nav.stats.annual')}</h1>
        <Space wrap className="tx-stats-noprint">
          <Button icon={<PrinterOutlined />} disabled={!data} onClick={() => window.print()}>
            {t('stats.annual.print')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            disabled={!data}
            loading={exporting.isPending}
            onClick={() => exporting.mutate()}
            data-testid="annual-export"
          >
            {t('stats.annual.export')}
          </Button>
          {isIssuer && (
            <Button
              type="primary"
              danger
              icon={<SafetyCertificateOutlined />}
              disabled={!data || data.issuedAt !== null}
              loading={issuing.isPending}
              onClick={() => {
                if (data) confirmIssue(data);
              }}
              data-testid="annual-issue"
            >
              {t('stats.annual.issue')}
            </Button>
          )}
        </Space>
      </div>
      <ScopeBar
        state={{ ...state, organizationId: query.organizationId }}
        update={update}
        yearOnly
        organizationRequired
      />
      {issuing.isError && (
        <Alert
          type="error"
          showIcon
          className="tx-stats-noprint"
          style={{ marginBottom: 12 }}
          title={issuing.error.message}
        />
      )}
      {pack.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : pack.isError || !data ? (
        <Card>
          <ErrorState error={pack.error} onRetry={() => void pack.refetch()} />
        </Card>
      ) : (
        <div data-testid="annual-pack">
          <div className="tx-stats-section">
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="annual-heading">
              {t('stats.annual.heading', { name: data.organizationName, year: data.year })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('stats.annual.period', { from: data.from, to: data.to })}
            </Typography.Paragraph>
            {data.issuedAt ? (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="annual-issued"
                title={t('stats.annual.issuedBy', {
                  by: data.issuedBy ?? '',
                  at: formatDateTime(data.issuedAt),
                  year: data.year,
                })}
              />
            ) : (
              <Alert
                type="info"
                showIcon
                className="tx-stats-noprint"
                style={{ marginBottom: 16 }}
                title={t('stats.annual.notIssued')}
              />
            )}
          </div>
          {data.sections.length === 0 ? (
            <Card>
              <EmptyState title={t('stats.annual.empty')} hint={t('stats.annual.emptyHint')} />
            </Card>
          ) : (
            data.sections.map((section) => (
              <div key={section.key} className="tx-stats-section" data-testid={`annual-section-${section.key}`}>
                <Card size="small" title={section.title[lang]} style={{ marginBottom: 16 }}>
                  <FigureTable
                    measures={section.measures}
                    groupings={
                      section.groupBy && section.groupingLabel
                        ? [{ key: section.groupBy, label: section.groupingLabel }]
                        : []
                    }
                    rows={section.rows}
                    totals={section.totals}
                    previousTotals={null}
                    onOpen={open(section)}
                  />
                </Card>
              </div>
            ))
          )}
          <Typography.Paragraph type="secondary" className="tx-stats-printonly">
            {t('stats.annual.printedAt', { at: formatDateTime(new Date().toISOString()) })}
          </Typography.Paragraph>
        </div>
      )}
      <RecordsDrawer figure={figure} onClose={() => setFigure(null)} />
    </>
  );
}
