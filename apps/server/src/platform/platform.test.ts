import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit/canonical-json.js';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './auth/index.js';
import { negotiateLang } from './http/index.js';
import { pinyinKeys } from './i18n/index.js';
import { maskAddress, maskIdNumber, maskPersonName, maskPhone } from './privacy/mask.js';
import { beijingDate } from './time.js';

describe('business dates', () => {
  it('count a gift made at 00:30 on 1 January in Beijing in the new year', () => {
    expect(beijingDate(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
    expect(beijingDate(new Date('2024-12-31T15:59:59.999Z'))).toBe('2024-12-31');
  });
});

describe('masks', () => {
  it('hide the middle of ID numbers and phones, given names, and street addresses', () => {
    expect(maskIdNumber('150102199001011234')).toBe('1501**********1234');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('张小三')).toBe('张*三');
    expect(maskPersonName('欧阳小明')).toBe('欧**明');
    expect(maskAddress('内蒙古自治区呼和浩特市新城区某街道12号')).toBe('内蒙古自治区****');
  });
});

describe('language', () => {
  it('prefers the cookie, then Accept-Language by quality, then Chinese', () => {
    expect(negotiateLang('en', 'zh-CN')).toBe('en');
    expect(negotiateLang(undefined, 'fr;q=1, en-GB;q=0.8, zh;q=0.5')).toBe('en');
    expect(negotiateLang(undefined, 'de')).toBe('zh-CN');
    expect(negotiateLang(undefined, undefined)).toBe('zh-CN');
  });
});

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword('tongxin2026');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'tongxin2026')).toBe(true);
    expect(await verifyPassword(hash, 'tongxin2027')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('temporary ones have letters and digits and no look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-HJ-KM-NP-Za-hj-km-np-z2-9]{12}$/);
    }
  });
});

describe('search keys and hashing input', () => {
  it('pinyin keys fold tones and ü', () => {
    expect(pinyinKeys('呼和浩特市')).toEqual({ pinyin: 'huhehaoteshi', initials: 'hhhts' });
    expect(pinyinKeys('绿化').pinyin).toBe('lvhua');
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { x: 2, y: 1 }] }, b: 1 }),
    );
  });
});

describe('field encryption', () => {
  it('round-trips, never repeats a ciphertext, and detects tampering', async () => {
    const { keyringFromMaster, loadKeyring } = await import('./crypto/index.js');
    const { randomBytes } = await import('node:crypto');
    const ring = keyringFromMaster(randomBytes(32));
    const a = ring.encrypt('150822198503170015');
    const b = ring.encrypt('150822198503170015');
    expect(a).not.toBe(b);
    expect(ring.decrypt(a)).toBe('150822198503170015');
    expect(ring.lookupHash('150822198503170015')).toBe(ring.lookupHash('150822198503170015'));
    const flipped = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-1)}`;
    expect(() => ring.decrypt(flipped)).toThrow();
    expect(() => keyringFromMaster(randomBytes(32)).decrypt(a)).toThrow();

    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(`${os.tmpdir()}/keys-`);
    const first = loadKeyring({ dataDir: dir, dataKey: null });
    expect(first.generatedFile).toMatch(/keys\/data\.key$/);
    const second = loadKeyring({ dataDir: dir, dataKey: null });
    expect(second.generatedFile).toBeNull();
    expect(second.keyring.decrypt(first.keyring.encrypt('same key'))).toBe('same key');
    const fromEnv = loadKeyring({ dataDir: dir, dataKey: randomBytes(32).toString('hex') });
    expect(fromEnv.source).toBe('environment');
  });
});

describe('ids', () => {
  it('are UUIDv7 and sort in the order they were made, within one millisecond too', async () => {
    const { newId } = await import('./ids.js');
    const ids = Array.from({ length: 5000 }, () => newId(1_795_000_000_000));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5000);
  });
});
