import type { TCreatePublicationRequest } from '@tongxin/contracts';
import { loadConfig } from '../../platform/config.js';
import type { ServiceContext } from '../../platform/context.js';
import {
  createPublication,
  findPublications,
  transitionPublication,
  uploadPublicationFile,
} from '../publications/index.js';
import { contextFor } from './actors.js';

/**
 * Demo publications after the seeds: an issue of the magazine 《内蒙古扶贫》 with its PDF, the region
 * association's annual work report, Dengkou's 扶贫日 brief, Ninghua's research report on old-base villages
 * (印发简报交流, as the Sanming report tells), and one draft still being written.
 */
type DemoPublication = {
  owner: string;
  user: string | null;
  publication: Omit<TCreatePublicationRequest, 'organizationId'>;
  /** A generated one-page PDF attached under this name, its lines printed on it. */
  pdf?: { name: string; lines: readonly string[] };
  isDraft?: boolean;
};

const DEMO_PUBLICATIONS: readonly DemoPublication[] = [
  {
    owner: 'nmg',
    user: 'nmg_admin',
    publication: {
      kind: 'magazine_issue',
      title: '内蒙古扶贫',
      issueNumber: '2025年第3期',
      issueTotal: 87,
      copiesPrinted: 1100,
      publishedOn: '2025-09-30',
      summary: '本期聚焦“扶贫日”社会动员、金融扶贫贴息和老区村道路建设。',
      body: [
        '## 本期目录',
        '',
        '- 卷首语：夯实扶贫宣传阵地',
        '- 聚焦“扶贫日”：全区社会动员纪实',
        '- 金融扶贫：小额贷款贴息惠及 3 个旗县',
        '- 基层来稿：磴口县华莱士瓜果产业扶贫见闻',
        '',
        '本刊免费赠阅，欢迎各盟市、旗县促进会来稿。',
      ].join('\n'),
    },
    pdf: {
      name: '内蒙古扶贫2025年第3期.pdf',
      lines: ['《内蒙古扶贫》', '2025年第3期（总第87期）', '内蒙古社会扶贫工作促进会 主办', '演示数据'],
    },
  },
  {
    owner: 'nmg',
    user: 'nmg_admin',
    publication: {
      kind: 'annual_work_report',
      title: '内蒙古社会扶贫工作促进会2024年度工作报告',
      reportYear: 2024,
      publishedOn: '2025-05-20',
      summary: '2024 年度工作总结与 2025 年工作安排。',
      body: [
        '## 一、2024 年工作回顾',
        '',
        '全年出版《内蒙古扶贫》杂志 7 期，计 7700 份，免费赠送基层；两个网站信息量不断扩充。',
        '',
        '## 二、2025 年工作安排',
        '',
        '继续办好《内蒙古扶贫》杂志和内蒙古社会扶贫网、感动内蒙古人物网。',
      ].join('\n'),
    },
  },
  {
    owner: 'nmg',
    user: 'nmg_admin',
    publication: {
      kind: 'annual_financial_report',
      title: '内蒙古社会扶贫工作促进会2024年度财务会计报告',
      reportYear: 2024,
      publishedOn: '2025-05-26',
      summary: '2024 年度资产负债、收入支出与捐赠收入使用情况。',
      body: [
        '## 一、捐赠收入',
        '',
        '全年接收捐赠款物按捐赠人意愿使用，定向捐赠均用于指定项目。',
        '',
        '## 二、公益事业支出',
        '',
        '公益事业支出占上年总收入的比例符合规定，管理费用控制在规定比例以内。',
      ].join('\n'),
    },
  },
  {
    owner: 'nmg-dengkou',
    user: 'dengkou_admin',
    publication: {
      kind: 'brief',
      title: '磴口县社会扶贫工作简报（2025年第4期）',
      publishedOn: '2025-10-20',
      summary: '“扶贫日”活动募集善款情况和华莱士瓜果订单收购进展。',
      body: [
        '## “扶贫日”活动',
        '',
        '10 月 17 日，县促进会组织各乡镇开展“扶贫日”募捐活动，所募款物全部纳入专户管理，按捐赠人意愿定向使用。',
        '',
        '## 产业项目',
        '',
        '华莱士瓜果产业扶贫项目完成订单收购，86 户脱贫户参与。',
      ].join('\n'),
    },
  },
  {
    owner: 'fj-ninghua',
    user: null,
    publication: {
      kind: 'research_report',
      title: '宁化县老区乡村振兴调研报告',
      publishedOn: '2025-08-15',
      summary: '围绕老区村产业发展和人才回引开展调研，提出五条建议。',
      body: '宁化县老促会围绕老区乡村振兴课题开展调研，撰写本报告，由市老促会印发简报交流。全文见附件。',
    },
    pdf: {
      name: '宁化县老区乡村振兴调研报告.pdf',
      lines: ['宁化县老区乡村振兴调研报告', '宁化县老区建设促进会', '2025年8月', '演示数据'],
    },
  },
  {
    owner: 'nmg-bayannur',
    user: 'bayannur_admin',
    isDraft: true,
    publication: {
      kind: 'research_report',
      title: '巴彦淖尔市小额信贷扶贫调研（初稿）',
      summary: '邮储银行、农信社小额贷款在三个旗县的发放和回收情况。',
      body: '初稿，待补充各旗县数据。',
    },
  },
];

/**
 * A one-page PDF of a few lines in STSong-Light, one of the CJK fonts every PDF reader
 * supplies, so that no font needs embedding and the file stays under two kilobytes.
 */
export function simplePdf(lines: readonly string[]): Buffer {
  const utf16 = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = [
    'BT',
    ...lines.flatMap((text, i) => {
      const size = i === 0 ? 28 : 14;
      return [`/F1 ${size} Tf`, `1 0 0 1 72 ${760 - i * 40} Tm`, `<${utf16(text)}> Tj`];
    }),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export async function seedPublicationDemo(
  ctx: ServiceContext,
  organizationIds: ReadonlyMap<string, string>,
  onStep: (step: string) => void,
): Promise<boolean> {
  const first = DEMO_PUBLICATIONS[0]?.publication;
  if ((await findPublications(ctx, { q: first?.title ?? '', kind: first?.kind, pageSize: 1 })).total > 0) return false;
  // seedDemo is not handed the data directory; both of its callers (`tongxin demo` and the first start of
  // `tongxin serve`) take their configuration from the environment, so the files go where theirs do.
  const { dataDir } = loadConfig();
  for (const demo of DEMO_PUBLICATIONS) {
    onStep(demo.publication.title);
    const writer = await contextFor(ctx, demo.user);
    const publication = await createPublication(writer, {
      ...demo.publication,
      organizationId: organizationIds.get(demo.owner) ?? '',
    });
    if (demo.pdf) {
      await uploadPublicationFile(writer, publication.id, {
        role: 'attachment',
        fileName: demo.pdf.name,
        bytes: simplePdf(demo.pdf.lines),
        dataDir,
      });
    }
    if (!demo.isDraft) await transitionPublication(writer, publication.id, { action: 'publish' });
  }
  return true;
}
