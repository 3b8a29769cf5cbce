import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT';
import { useRunsProjects } from '../../projects/shared/useProjectSide';

/** 登记捐赠: to the gift entry page, for organizations that keep books (nothing for the others). */
export function EnterGiftsButton() {
  const t = useT();
  const keepsBooks = useRunsProjects();
  if (!keepsBooks) return null;
  return (
    <Link to="/funds/entry">
      <Button type="primary" icon={<PlusOutlined />}>
        {t('funds.donations.enter')}
      </Button>
    </Link>
  );
}
