import { describe, expect, it } from 'vitest';
import { keyAfterSend, newIdempotencyKey } from './idempotency';

describe('newIdempotencyKey', () => {
  it('makes version-4 UUIDs for Idempotency-Key, different each time', () => {
    const fixed = newIdempotencyKey((bytes) => bytes.fill(0xff));
    expect(fixed).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(uuid);
    expect(b).toMatch(uuid);
    expect(a).not.toBe(b);
  });
});

describe('keyAfterSend', () => {
  const fresh = () => 'new-key';
  it('starts a fresh key after any answer', () => {
    expect(keyAfterSend('k', { kind: 'ok' }, fresh)).toBe('new-key');
    expect(keyAfterSend('k', { kind: 'problem', problem: { status: 400 } }, fresh)).toBe('new-key');
    expect(keyAfterSend('k', { kind: 'problem', problem: { status: 409 } }, fresh)).toBe('new-key');
  });
  it('keeps the key when the answer was lost, so a retry cannot create twice', () => {
    expect(keyAfterSend('k', { kind: 'problem', problem: { status: 0 } }, fresh)).toBe('k');
    expect(keyAfterSend('k', { kind: 'aborted' }, fresh)).toBe('k');
  });
});
