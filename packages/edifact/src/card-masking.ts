// Card numbers are never kept whole: a masked form for display and a keyed SHA-256
// fingerprint so the same card links bookings without storing the number.
import { createHash } from 'node:crypto';

export interface MaskedCard {
  cardMasked?: string;
  cardFingerprint?: string;
}

/**
 * `4111111111111111` → `XXXXXXXXXXXX1111` plus a fingerprint. A number that arrives already
 * masked (`XXXXXXXX1186`) is kept as sent, with no fingerprint. `salt` should be a
 * deployment secret: card numbers are few enough to brute-force an unsalted hash.
 */
export function maskCard(raw: string, salt = ''): MaskedCard {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!s) return {};
  if (!/^\d{12,19}$/.test(s)) return { cardMasked: s.replace(/\d(?=\d{4})/g, 'X') };
  const cardFingerprint = createHash('sha256')
    .update(`paxguard-card:${salt}:${s}`)
    .digest('hex')
    .slice(0, 32);
  return { cardMasked: 'X'.repeat(s.length - 4) + s.slice(-4), cardFingerprint };
}
