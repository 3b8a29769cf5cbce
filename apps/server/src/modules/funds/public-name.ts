import { DONOR_DISPLAY, SALUTATION, type Lang, type TDonorDisplay } from '@tongxin/contracts';
import { maskPersonName } from '../../platform/privacy/mask.js';
import type { DonorRow } from './tables.js';

/**
 * The donor as the public sees a gift, as the donor chose for it: the full name; the surname with 先生 or
 * 女士 for a person (masked like 张* when no salutation is on record), the masked name for a company; or
 * 匿名 (anonymous). In English: Mr 张, Anonymous.
 */
export function publicDonorName(
  donor: Pick<DonorRow, 'kind' | 'name' | 'salutation'>,
  display: TDonorDisplay,
  lang: Lang,
): string {
  switch (display) {
    case 'full_name':
      return donor.name;
    case 'anonymous':
      return anonymousDonor(lang);
    case 'surname': {
      const surname = [...donor.name.trim()][0] ?? '';
      if (donor.kind === 'person' && donor.salutation) {
        const salutation = SALUTATION.labels[donor.salutation][lang];
        return lang === 'zh-CN' ? `${surname}${salutation}` : `${salutation} ${surname}`;
      }
      return maskPersonName(donor.name);
    }
  }
}

/** The donor of a gift given anonymously (or whose donor record is missing). */
export function anonymousDonor(lang: Lang): string {
  return DONOR_DISPLAY.labels.anonymous[lang];
}
