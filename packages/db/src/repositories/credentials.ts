// API keys and console tokens are stored only as sha256 hashes; lookups hash the presented one.
import { createHash, randomBytes } from 'node:crypto';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new random credential with a readable prefix (`pgk_` carrier key, `pgt_` console token). */
export function newSecret(prefix: 'pgk' | 'pgt'): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}
