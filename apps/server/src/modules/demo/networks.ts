import type { TOrganizationLevel, TOrganizationType, TRole } from '@tongxin/contracts';

/**
 * The demo networks, after the seeds: the Inner Mongolia social poverty-relief association with league
 * and banner associations (磴口, 乌拉特中旗, 清水河, 四子王旗, 化德 ran the micro-loan pilots), and the
 * Fujian / Sanming old-base-area associations. Names are real institutions; people and codes are not.
 */
export type DemoOrganization = {
  key: string;
  name: string;
  shortName?: string;
  type: TOrganizationType;
  level: TOrganizationLevel;
  regionCode: string;
  parent?: string;
  establishedOn: string;
  /** A past move (parent before, and the date it changed), so the history has something to tell. */
  movedFrom?: { parent: string; on: string };
  member?: { of: string; role: 'member' | 'council' | 'standing_council' | 'vice_president'; term: string };
};

const county = (
  key: string,
  name: string,
  regionCode: string,
  parent: string,
  establishedOn = '2012-06-18',
): DemoOrganization => ({ key, name, type: 'association', level: 'county', regionCode, parent, establishedOn });

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    key: 'nmg',
    name: '内蒙古社会扶贫工作促进会',
    shortName: '内蒙古促进会',
    type: 'association',
    level: 'provincial',
    regionCode: '150000',
    establishedOn: '2009-12-28',
  },
  {
    key: 'nmg-huhhot',
    name: '呼和浩特市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150100',
    parent: 'nmg',
    establishedOn: '2011-03-15',
  },
  {
    key: 'nmg-baotou',
    name: '包头市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150200',
    parent: 'nmg',
    establishedOn: '2011-05-20',
  },
  {
    key: 'nmg-chifeng',
    name: '赤峰市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150400',
    parent: 'nmg',
    establishedOn: '2010-09-01',
  },
  {
    key: 'nmg-tongliao',
    name: '通辽市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150500',
    parent: 'nmg',
    establishedOn: '2011-08-08',
  },
  {
    key: 'nmg-ordos',
    name: '鄂尔多斯市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150600',
    parent: 'nmg',
    establishedOn: '2012-02-10',
  },
  {
    key: 'nmg-hulunbuir',
    name: '呼伦贝尔市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150700',
    parent: 'nmg',
    establishedOn: '2012-04-26',
  },
  {
    key: 'nmg-bayannur',
    name: '巴彦淖尔市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150800',
    parent: 'nmg',
    establishedOn: '2010-11-11',
  },
  {
    key: 'nmg-ulanqab',
    name: '乌兰察布市社会扶贫工作促进会',
    type: 'association',
    level: 'prefecture',
    regionCode: '150900',
    parent: 'nmg',
    establishedOn: '2011-06-30',
  },
  county('nmg-qingshuihe', '清水河县社会扶贫工作促进会', '150124', 'nmg-huhhot'),
  county('nmg-dengkou', '磴口县社会扶贫工作促进会', '150822', 'nmg-bayannur', '2011-10-09'),
  {
    ...county('nmg-wulatezhong', '乌拉特中旗社会扶贫工作促进会', '150824', 'nmg-bayannur', '2012-03-01'),
    movedFrom: { parent: 'nmg', on: '2019-07-01' },
  },
  county('nmg-siziwang', '四子王旗社会扶贫工作促进会', '150929', 'nmg-ulanqab'),
  county('nmg-huade', '化德县社会扶贫工作促进会', '150922', 'nmg-ulanqab'),
  county('nmg-aohan', '敖汉旗社会扶贫工作促进会', '150430', 'nmg-chifeng'),
  county('nmg-kulun', '库伦旗社会扶贫工作促进会', '150524', 'nmg-tongliao'),
  {
    key: 'nmg-psbc',
    name: '中国邮政储蓄银行内蒙古自治区分行',
    shortName: '邮储银行内蒙古分行',
    type: 'bank',
    level: 'provincial',
    regionCode: '150000',
    parent: 'nmg',
    establishedOn: '2008-01-01',
    member: { of: 'nmg', role: 'council', term: '第二届' },
  },
  {
    key: 'nmg-rcc',
    name: '内蒙古自治区农村信用社联合社',
    shortName: '内蒙古农信社',
    type: 'bank',
    level: 'provincial',
    regionCode: '150000',
    parent: 'nmg',
    establishedOn: '2005-06-01',
    member: { of: 'nmg', role: 'standing_council', term: '第二届' },
  },
  {
    key: 'nmg-dengkou-coop',
    name: '磴口县华莱士瓜果种植专业合作社',
    type: 'enterprise',
    level: 'county',
    regionCode: '150822',
    parent: 'nmg-dengkou',
    establishedOn: '2013-04-02',
    member: { of: 'nmg-dengkou', role: 'member', term: '第一届' },
  },
  {
    key: 'nmg-civil',
    name: '内蒙古自治区民政厅',
    type: 'government',
    level: 'provincial',
    regionCode: '150000',
    establishedOn: '1947-05-01',
  },
  {
    key: 'fj',
    name: '福建省老区建设促进会',
    shortName: '福建省老促会',
    type: 'association',
    level: 'provincial',
    regionCode: '350000',
    establishedOn: '1990-08-01',
  },
  {
    key: 'fj-sanming',
    name: '三明市老区建设促进会',
    shortName: '三明市老促会',
    type: 'association',
    level: 'prefecture',
    regionCode: '350400',
    parent: 'fj',
    establishedOn: '1991-03-12',
  },
  county('fj-yongan', '永安市老区建设促进会', '350481', 'fj-sanming', '1992-05-10'),
  county('fj-sanyuan', '三元区老区建设促进会', '350404', 'fj-sanming', '1992-05-10'),
  county('fj-shaxian', '沙县区老区建设促进会', '350405', 'fj-sanming', '1992-06-01'),
  county('fj-mingxi', '明溪县老区建设促进会', '350421', 'fj-sanming', '1992-06-01'),
  county('fj-qingliu', '清流县老区建设促进会', '350423', 'fj-sanming', '1992-06-01'),
  county('fj-ninghua', '宁化县老区建设促进会', '350424', 'fj-sanming', '1992-06-01'),
  county('fj-datian', '大田县老区建设促进会', '350425', 'fj-sanming', '1992-06-01'),
  county('fj-youxi', '尤溪县老区建设促进会', '350426', 'fj-sanming', '1992-06-01'),
  county('fj-jiangle', '将乐县老区建设促进会', '350428', 'fj-sanming', '1992-06-01'),
  county('fj-taining', '泰宁县老区建设促进会', '350429', 'fj-sanming', '1992-06-01'),
  county('fj-jianning', '建宁县老区建设促进会', '350430', 'fj-sanming', '1992-06-01'),
  {
    key: 'fj-sanming-civil',
    name: '三明市民政局',
    type: 'government',
    level: 'prefecture',
    regionCode: '350400',
    establishedOn: '1983-04-01',
  },
];

export type DemoUser = { username: string; displayName: string; role: TRole; organization: string };

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'nmg_admin', displayName: '内蒙古促进会秘书处', role: 'org_admin', organization: 'nmg' },
  { username: 'nmg_auditor', displayName: '内蒙古促进会监事', role: 'auditor', organization: 'nmg' },
  { username: 'bayannur_admin', displayName: '巴彦淖尔市促进会', role: 'org_admin', organization: 'nmg-bayannur' },
  { username: 'dengkou_admin', displayName: '磴口县促进会', role: 'org_admin', organization: 'nmg-dengkou' },
  { username: 'dengkou_staff', displayName: '磴口县促进会干事', role: 'org_staff', organization: 'nmg-dengkou' },
  { username: 'dengkou_cadre', displayName: '北粮台村驻村干部', role: 'cadre', organization: 'nmg-dengkou' },
  { username: 'wltzq_admin', displayName: '乌拉特中旗促进会', role: 'org_admin', organization: 'nmg-wulatezhong' },
  { username: 'nmg_civil', displayName: '自治区民政厅社会组织管理局', role: 'supervisor', organization: 'nmg-civil' },
  { username: 'fj_admin', displayName: '福建省老促会秘书处', role: 'org_admin', organization: 'fj' },
  { username: 'sanming_admin', displayName: '三明市老促会', role: 'org_admin', organization: 'fj-sanming' },
  { username: 'yongan_admin', displayName: '永安市老促会', role: 'org_admin', organization: 'fj-yongan' },
  { username: 'sanming_civil', displayName: '三明市民政局', role: 'supervisor', organization: 'fj-sanming-civil' },
];

/** Demo-only: printed at start and listed in the README. Never use it for real accounts. */
export const DEMO_PASSWORD = 'tongxin2026';
