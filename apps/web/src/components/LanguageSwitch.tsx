import { GlobalOutlined } from '@ant-design/icons';
import { LANGS, type Lang } from '@tongxin/contracts';
import { Button, Dropdown } from 'antd';
import { useT, useLang } from '../i18n/useT';

/** 中文 | English; the choice is kept in the tongxin_lang cookie, which the server reads too. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGS.map((value) => ({ key: value, label: t(`lang.${value}`) })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('lang.label')}
        data-testid="language-switch"
        style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      >
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
