import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms for identifiers that analysis still needs to link (the same vehicle in two incidents)
 * but nobody may read back. HMAC-SHA256 with a secret key: without the key the pseudonym cannot be
 * reversed or recomputed from a guessed plate, which a plain hash could be (plates are a small space).
 */
export type Pseudonymizer = (kind: string, value: string) => string;

export function createPseudonymizer(key: Buffer): Pseudonymizer {
  if (key.length < 16) throw new RangeError('pseudonym key must be at least 16 bytes');
  return (kind, value) => {
    const normalized = value
      .normalize('NFKC')
      .replace(/[\s·-]/g, '')
      .toUpperCase();
    const digest = createHmac('sha256', key).update(`${kind}\u0000${normalized}`).digest('base64url');
    return `${kind}_${digest.slice(0, 22)}`;
  };
}
