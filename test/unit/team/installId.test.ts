import assert from 'node:assert/strict';
import { idempotencyKey, isInstallSecret, monthlyInstallId, newInstallSecret, recentMonths } from '../../../src/core/team/installId.js';

describe('install id', () => {
  const secret = newInstallSecret();

  it('is 32 lowercase hex, stable for one secret and month', async () => {
    assert.ok(isInstallSecret(secret));
    const a = await monthlyInstallId(secret, '2026-11');
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.equal(await monthlyInstallId(secret, '2026-11'), a);
  });

  it('rotates monthly and with the secret', async () => {
    const nov = await monthlyInstallId(secret, '2026-11');
    assert.notEqual(await monthlyInstallId(secret, '2026-12'), nov);
    const other = newInstallSecret();
    assert.notEqual(other, secret);
    assert.notEqual(await monthlyInstallId(other, '2026-11'), nov);
  });

  it('is HMAC-SHA256(secret, month) truncated (known answer)', async () => {
    const s = '00'.repeat(32);
    const { createHmac } = await import('node:crypto');
    assert.equal(await monthlyInstallId(s, '2026-01'), createHmac('sha256', s).update('2026-01').digest('hex').slice(0, 32));
  });

  it('rejects malformed secrets and months', async () => {
    await assert.rejects(monthlyInstallId('nothex', '2026-01'));
    await assert.rejects(monthlyInstallId(secret, '2026-1'));
  });

  it('lists past months across a year boundary', () => {
    assert.deepEqual(recentMonths('2026-02', 4), ['2026-02', '2026-01', '2025-12', '2025-11']);
    assert.equal(recentMonths('2026-02', 36).length, 36);
  });
});

describe('idempotency key', () => {
  const cell = { installId: 'a'.repeat(32), day: '2026-11-20', assistant: 'copilot', assistantVersion: '1.0', model: '', language: 'python' };

  it('is 64 hex and stable', async () => {
    const k = await idempotencyKey(cell);
    assert.match(k, /^[0-9a-f]{64}$/);
    assert.equal(await idempotencyKey({ ...cell }), k);
  });

  it('changes with every dimension, and values cannot run into each other', async () => {
    const base = await idempotencyKey(cell);
    for (const field of Object.keys(cell) as (keyof typeof cell)[]) {
      assert.notEqual(await idempotencyKey({ ...cell, [field]: `${cell[field]}x` }), base, field);
    }
    assert.notEqual(
      await idempotencyKey({ ...cell, assistantVersion: '1.0', model: 'x' }),
      await idempotencyKey({ ...cell, assistantVersion: '1.0x', model: '' }),
    );
  });
});
