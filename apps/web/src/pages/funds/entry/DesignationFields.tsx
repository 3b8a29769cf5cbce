import {
  DESIGNATION_KIND,
  PROJECT_CATEGORY,
  type TDesignation,
  type TDesignationKind,
  type TProjectCategory,
} from '@tongxin/contracts';
import { Col, Form, Row, Select } from 'antd';
import { RegionCascader } from '../../../components/RegionCascader';
import { useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { useOwnRegion } from '../../registry/shared/useOwnRegion';
import { VillageSelect } from '../../registry/shared/VillageSelect';
import { DESIGNATABLE } from '../shared/labels';
import { ProjectSelect } from '../shared/ProjectSelect';

/** The form fields of a designation: `designation.kind` and, but for unrestricted money, what it names. */
export const DESIGNATION_FIELDS = [
  'designation.kind',
  'designation.projectId',
  'designation.villageId',
  'designation.regionCode',
  'designation.category',
];

/** A designation as its form fields hold it. */
export type DesignationValues = {
  kind: TDesignationKind;
  projectId?: string | null;
  villageId?: string | null;
  regionCode?: string | null;
  category?: TProjectCategory | null;
};

/** The designation the fields name, as the API takes it. */
export function designationOf(values: DesignationValues): TDesignation {
  switch (values.kind) {
    case 'unrestricted':
      return { kind: 'unrestricted' };
    case 'project':
      return { kind: 'project', projectId: values.projectId ?? '' };
    case 'village':
      return { kind: 'village', villageId: values.villageId ?? '' };
    case 'region':
      return { kind: 'region', regionCode: values.regionCode ?? '' };
    case 'category':
      return { kind: 'category', category: values.category ?? 'industry' };
  }
}

/** The server names an unknown project, village or region at `designation`: the target's field says it. */
export const DESIGNATION_ALIASES = { designation: 'designation.kind' };

/**
 * 定向: what the donor said the money is for. The target field follows the kind: a project of the
 * organization, a registered village, a region, or a category of projects.
 */
export function DesignationFields({ organizationId }: { organizationId: string }) {
  const t = useT();
  const options = useLabelOptions();
  const ownRegion = useOwnRegion();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['designation', 'kind'], form) as TDesignationKind | undefined;
  const target = (() => {
    switch (kind) {
      case 'project':
        return (
          <Form.Item
            name={['designation', 'projectId']}
            label={t('funds.designation.project')}
            rules={[{ required: true, message: t('funds.designation.projectRequired') }]}
          >
            <ProjectSelect organizationId={organizationId} statuses={DESIGNATABLE} />
          </Form.Item>
        );
      case 'village':
        return (
          <Form.Item
            name={['designation', 'villageId']}
            label={t('funds.designation.village')}
            rules={[{ required: true, message: t('funds.designation.villageRequired') }]}
          >
            <VillageSelect />
          </Form.Item>
        );
      case 'region':
        return (
          <Form.Item
            name={['designation', 'regionCode']}
            label={t('funds.designation.region')}
            rules={[{ required: true, message: t('funds.designation.regionRequired') }]}
          >
            <RegionCascader rootCode={ownRegion} placeholder={t('funds.designation.regionPlaceholder')} />
          </Form.Item>
        );
      case 'category':
        return (
          <Form.Item
            name={['designation', 'category']}
            label={t('funds.designation.category')}
            rules={[{ required: true, message: t('funds.designation.categoryRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('funds.designation.categoryPlaceholder')}
              options={options(PROJECT_CATEGORY.labels, PROJECT_CATEGORY.values)}
            />
          </Form.Item>
        );
      case 'unrestricted':
      case undefined:
        return null;
    }
  })();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={9}>
        <Form.Item name={['designation', 'kind']} label={t('funds.field.designation')}>
          <Select options={options(DESIGNATION_KIND.labels, DESIGNATION_KIND.values)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={15}>
        {target}
      </Col>
    </Row>
  );
}
