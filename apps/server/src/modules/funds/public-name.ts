import { SALUTATION, type TDonorDisplay } from '@tongxin/contracts';
import { maskPersonName } from '../../platform/privacy/mask.js';
import type { DonorRow } from './tables.js';

/**
 * The donor as the public sees a gift, as the donor chose for it: the full name; the surname with 先生 or
 * 女士 for a person (masked like 张* when no salutation is on record), the masked name for a company; or
 * 匿名 (anonymous).
 */
export function publicDonorName(donor: Pick<DonorRow, 'kind' | 'name' | 'salutation'>, display: TDonorDisplay): string {
  switch (display) {
    case 'full_name':
      return donor.name;
    case 'anonymous':
      return '匿名';
    case 'surname': {
      const surname = [...donor.name.trim()][0] ?? '';
      if (donor.kind === 'person' && donor.salutation)
        return `${surname}${SALUTATION.labels[donor.salutation]['zh-CN']}`;
      return maskPersonName(donor.name);
    }
  }
}
