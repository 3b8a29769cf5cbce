import type { RegionLevel } from '@tongxin/contracts';

export type RegionRow = {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  /** Names from the province down, separated by spaces. */
  full_name: string;
  pinyin: string;
  initials: string;
};

export type RegionTables = { regions: RegionRow };
