import { deflateSync } from 'node:zlib';
import type { ServiceContext } from '../../platform/context.js';
import { loadConfig } from '../../platform/config.js';
import {
  allocateToProject,
  createDonor,
  createPaymentBatch,
  findDonors,
  fundAccounts,
  recordDonation,
  settlePayments,
} from '../funds/index.js';
import { addReport, findProjects, uploadProjectFile } from '../projects/index.js';
import { contextFor } from './actors.js';

const key = (name: string) => `demo-portal-${name}`;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A site photo drawn in code, so that the demo ships no binary: sky, grassland and a lattice tower of a
 * base station. A real PNG that browsers show, 320 × 200.
 */
export function baseStationPicture(): Buffer {
  const [width, height] = [320, 200];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const ground = y > 140 + Math.round(6 * Math.sin(x / 40));
      const tower =
        x >= 200 && x <= 216 && y >= 30 && y <= 150 && (Math.abs(x - 208) <= (y - 30) / 30 + 1 || (y - 30) % 12 < 2);
      const [r, g, b] = tower ? [90, 96, 110] : ground ? [96, 150 - (y - 140), 70] : [120 + y / 2, 170 + y / 4, 235];
      row.writeUInt8(Math.round(r), 1 + x * 3);
      row.writeUInt8(Math.round(g), 2 + x * 3);
      row.writeUInt8(Math.round(b), 3 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * What the public portal shows best: 乌拉特中旗's base-station project with money given to it, paid out to
 * the builder, and a public progress report with a photo from the site. Once only: the builder's gift marks it.
 */
export async function seedPortalDemo(
  ctx: ServiceContext,
  organizationIds: ReadonlyMap<string, string>,
  onStep: (step: string) => void,
): Promise<boolean> {
  const county = await contextFor(ctx, 'wltzq_admin');
  const organizationId = organizationIds.get('nmg-wulatezhong') ?? '';
  const builder = '巴彦淖尔市草原通信设备有限公司';
  if ((await findDonors(county, { q: builder, pageSize: 1 })).total > 0) return false;
  const project = (await findProjects(county, { q: '乌拉特中旗牧区移动通信基站建设', pageSize: 1 })).items[0];
  if (!project) return false;

  onStep('the base-station project on the portal: gifts, payment, a report with a photo');
  const donors = [
    { name: builder, kind: 'enterprise' as const, displayAs: 'full_name' as const, amount: 50_000_000 },
    {
      name: '刘振华',
      kind: 'person' as const,
      salutation: 'mr' as const,
      displayAs: 'surname' as const,
      amount: 2_000_000,
    },
    {
      name: '高玉梅',
      kind: 'person' as const,
      salutation: 'ms' as const,
      displayAs: 'anonymous' as const,
      amount: 500_000,
    },
  ];
  for (const [index, donor] of donors.entries()) {
    const { id } = await createDonor(county, {
      organizationId,
      kind: donor.kind,
      name: donor.name,
      salutation: donor.salutation ?? null,
    });
    await recordDonation(county, key(`gift-${index}`), {
      organizationId,
      donorId: id,
      method: 'bank_transfer',
      amount: donor.amount,
      designation: { kind: 'project', projectId: project.id },
      displayAs: donor.displayAs,
      receivedOn: '2025-12-01',
    });
  }
  const fund = (await fundAccounts(county, { organizationId, kind: 'fund' })).find(
    (a) => a.designation?.kind === 'project',
  );
  await allocateToProject(county, key('allocation'), {
    fundAccountId: fund?.id ?? '',
    projectId: project.id,
    amount: 52_500_000,
    allocatedOn: '2025-12-05',
  });
  const batch = await createPaymentBatch(county, key('builder'), {
    projectId: project.id,
    title: '基站建设工程进度款',
    approvedOn: '2025-12-20',
    items: [{ payeeKind: 'supplier', payeeName: '内蒙古北疆通信工程有限公司', amount: 30_000_000 }],
  });
  await settlePayments(county, key('builder-paid'), batch.id, {
    itemIds: batch.items.map((item) => item.id),
    outcome: 'paid',
    settledOn: '2025-12-28',
  });
  const photo = await uploadProjectFile(county, project.id, {
    kind: 'photo',
    fileName: '新建基站.png',
    bytes: baseStationPicture(),
    isPublic: true,
    dataDir: loadConfig().dataDir,
  });
  await addReport(county, project.id, {
    kind: 'progress',
    reportedOn: '2026-01-15',
    text: '冬季施工不停：新建基站 32 个并网运行，累计建成 173 个；社会捐赠 52.5 万元已拨入项目，支付工程进度款 30 万元。',
    figures: [{ label: '已建成', value: 173, unit: '个' }],
    isPublic: true,
    photoIds: [photo.id],
  });
  return true;
}
