import type { TProgressReport } from '@tongxin/contracts';
import { useLang } from '../../../i18n/useT';

/** A report's main figures (“已建成 141 个”) as tiles. */
export function ReportFigures({ figures }: { figures: TProgressReport['figures'] }) {
  const { lang } = useLang();
  if (figures.length === 0) return null;
  return (
    <div className="tx-figures" data-testid="figures">
      {figures.map((figure, index) => (
        <div key={`${figure.label}-${index}`} className="tx-figure">
          <span className="tx-figure-label">{figure.label}</span>
          <span className="tx-figure-value">
            {figure.value.toLocaleString(lang)}
            {figure.unit && <span className="tx-figure-unit">{figure.unit}</span>}
          </span>
        </div>
      ))}
    </div>
  );
}
