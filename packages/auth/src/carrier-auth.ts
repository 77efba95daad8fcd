// Carriers authenticate with their API key (`Authorization: Bearer <key>` or `X-Api-Key`).
// A missing or unknown key is a 401, logged without the key itself.
import { createHash } from 'node:crypto';
import type { CarrierIdentity, CarrierRepository } from '@paxguard/db';
import { UnauthenticatedError, UnavailableError } from '@paxguard/platform';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    carrier?: CarrierIdentity;
  }
}

export function presentedKey(headers: FastifyRequest['headers']): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const key = headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : undefined;
}

export interface CarrierAuthOptions {
  /**
   * How long a verified key is taken on trust without asking the database again. The cache is
   * TTL-bounded, not revocation-aware: a key revoked in the database keeps working on this
   * process for at most this long. 0 turns the cache off.
   */
  cacheTtlMs?: number;
  /** At most this many keys are remembered; the oldest entry makes room. */
  cacheSize?: number;
}

/**
 * A preHandler that resolves the calling carrier or refuses with 401. Verified keys are
 * remembered briefly (keyed by the sha256 of the presented key, never the key itself), so a
 * check-in does not wait on a credentials lookup each time; unknown keys are never cached.
 */
export function carrierAuth(carriers: CarrierRepository, opts: CarrierAuthOptions = {}) {
  const ttlMs = opts.cacheTtlMs ?? 30_000;
  const size = opts.cacheSize ?? 1000;
  const verified = new Map<string, { carrier: CarrierIdentity; until: number }>();

  async function lookup(key: string): Promise<CarrierIdentity | null> {
    const id = createHash('sha256').update(key, 'utf8').digest('base64');
    const now = performance.now();
    const hit = verified.get(id);
    if (hit && hit.until > now) return hit.carrier;
    verified.delete(id);
    // A database that cannot answer is not a wrong key: tell the carrier to retry.
    const carrier = await carriers.findByApiKey(key).catch(() => {
      throw new UnavailableError(
        'credentials cannot be checked right now; nothing was accepted, retry shortly',
        10,
      );
    });
    if (carrier && ttlMs > 0) {
      if (verified.size >= size) verified.delete(verified.keys().next().value!);
      verified.set(id, { carrier, until: now + ttlMs });
    }
    return carrier;
  }

  return async (req: FastifyRequest) => {
    const key = presentedKey(req.headers);
    const carrier = key ? await lookup(key) : null;
    if (!carrier)
      throw new UnauthenticatedError(
        'a valid carrier API key is required (Authorization: Bearer <key>)',
      );
    req.carrier = carrier;
  };
}

export function requireCarrier(req: FastifyRequest): CarrierIdentity {
  if (!req.carrier) throw new UnauthenticatedError();
  return req.carrier;
}
