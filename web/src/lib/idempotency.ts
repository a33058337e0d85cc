/**
 * A random UUID (version 4) for Idempotency-Key. Built from getRandomValues rather than
 * crypto.randomUUID, which browsers offer only on https and localhost.
 */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Idempotency-Key for the next send of a create form. An answer of any kind (the record, or a problem the
 * user will fix, which changes the body) starts a fresh key; no answer (aborted, or status 0: the network failed
 * and the server may or may not have created the record) keeps the key, so sending again cannot create twice.
 */
export function keyAfterSend(current: string, answer: { kind: 'ok' } | { kind: 'aborted' } | { kind: 'problem'; problem: { status: number } }, fresh: () => string): string {
  const answered = answer.kind === 'ok' || (answer.kind === 'problem' && answer.problem.status !== 0);
  return answered ? fresh() : current;
}
