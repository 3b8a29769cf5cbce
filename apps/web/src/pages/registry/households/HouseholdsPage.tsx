import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/useT';
import { useCan } from '../../../session/SessionUserContext';
import { HouseholdFormDrawer, type HouseholdFormTarget } from './HouseholdFormDrawer';
import { HouseholdList } from './HouseholdList';
import { useHouseholdQuery } from './useHouseholdQuery';

/** 农户: every household in the user's scope. */
export function HouseholdsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const state = useHouseholdQuery('all');
  const [target, setTarget] = useState<HouseholdFormTarget | null>(null);
  const [opening, setOpening] = useState(0);
  const openCreate = () => {
    setOpening((count) => count + 1);
    setTarget({ mode: 'create' });
  };
  const createButton = can('write') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
      {t('registry.household.create')}
    </Button>
  ) : undefined;
  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('registry.household.pageTitle')}</h1>
        {createButton}
      </div>
      <HouseholdList state={state} createAction={createButton} />
      <HouseholdFormDrawer
        key={opening}
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(saved) => {
          setTarget(null);
          void navigate(`/registry/households/${saved.id}`);
        }}
      />
    </>
  );
}
