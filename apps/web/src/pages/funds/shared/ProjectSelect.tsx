import { useQuery } from '@tanstack/react-query';
import type { TProject, TProjectStatus } from '@tongxin/contracts';
import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { keys } from '../../../api/keys';
import { fetchProjects } from '../../../api/projects';
import { useT } from '../../../i18n/useT';
import { ProjectStatusTag } from '../../projects/shared/Tags';

type Props = {
  id?: string;
  /** The organization whose projects are offered; none offered until it is known. */
  organizationId: string | null | undefined;
  /** The states a project must be in to be offered. */
  statuses: ReadonlySet<TProjectStatus>;
  /** A narrower choice (the projects a fund's designation allows); the server still decides. */
  filter?: (project: TProject) => boolean;
  value?: string | null;
  onChange?: (id: string | null, project: TProject | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
  style?: React.CSSProperties;
};

type ProjectOption = { value: string; label: string; project: TProject; search: string };

/**
 * Picks a project of one organization. An organization runs tens of projects, so they load at once and the
 * search (name or code) runs in the browser.
 */
export function ProjectSelect(props: Props) {
  const { id, organizationId, statuses, filter, value, onChange, placeholder, allowClear, status, disabled, style } =
    props;
  const t = useT();
  const query = {
    organizationId: organizationId ?? undefined,
    pageSize: 200,
    sort: 'name' as const,
    order: 'asc' as const,
  };
  const projects = useQuery({
    queryKey: keys.projectList(query),
    queryFn: ({ signal }) => fetchProjects(query, signal),
    enabled: Boolean(organizationId),
    staleTime: 30_000,
  });
  const options = useMemo<ProjectOption[]>(
    () =>
      (projects.data?.items ?? [])
        .filter((project) => statuses.has(project.status) && (!filter || filter(project)))
        .map((project) => ({
          value: project.id,
          label: project.name,
          project,
          search: `${project.name} ${project.code}`,
        })),
    [projects.data, statuses, filter],
  );
  return (
    <Select<string | undefined, ProjectOption>
      id={id}
      value={value ?? undefined}
      style={{ width: '100%', ...style }}
      status={status}
      disabled={disabled}
      allowClear={allowClear}
      loading={projects.isFetching}
      placeholder={placeholder ?? t('funds.projectPicker.placeholder')}
      showSearch={{
        filterOption: (input, option) => Boolean(option?.search.toLowerCase().includes(input.trim().toLowerCase())),
      }}
      options={options}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{option.data.label}</span>
          <ProjectStatusTag status={option.data.project.status} />
        </div>
      )}
      notFoundContent={
        projects.isPending && organizationId ? (
          t('common.loading')
        ) : (
          <Typography.Text type="secondary">{t('funds.projectPicker.empty')}</Typography.Text>
        )
      }
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option?.project;
        onChange?.(next ?? null, chosen ?? null);
      }}
    />
  );
}
