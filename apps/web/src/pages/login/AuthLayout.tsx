import { CheckCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n/useT';

/** The frame of the sign-in screens: the product on the left, the form on the right. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="tx-auth">
      <section className="tx-auth-brand" aria-hidden="false">
        <div className="tx-auth-brand-inner">
          <div className="tx-auth-logo">
            <BrandMark size={48} />
            <div>
              <div className="tx-auth-name">{t('app.name')}</div>
              <div className="tx-auth-latin">{t('app.latinName')}</div>
            </div>
          </div>
          <h1 className="tx-auth-tagline">{t('app.tagline')}</h1>
          <p className="tx-auth-intro">{t('app.loginIntro')}</p>
          <ul className="tx-auth-points">
            {(['app.loginPoint1', 'app.loginPoint2', 'app.loginPoint3'] as const).map((key) => (
              <li key={key}>
                <CheckCircleFilled /> {t(key)}
              </li>
            ))}
          </ul>
        </div>
        <div className="tx-auth-footer">{t('app.footer')}</div>
      </section>
      <main className="tx-auth-main">
        <div className="tx-auth-lang">
          <LanguageSwitch />
        </div>
        <div className="tx-auth-card">{children}</div>
        <Typography.Text type="secondary" className="tx-auth-mobile-footer">
          {t('app.footer')}
        </Typography.Text>
      </main>
    </div>
  );
}
