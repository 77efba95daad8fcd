// Carriers authenticate with their API key (`Authorization: Bearer <key>` or `X-Api-Key`).
// A missing or unknown key is a 401, logged without the key itself.
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

/** A preHandler that resolves the calling carrier or refuses with 401. */
export function carrierAuth(carriers: CarrierRepository) {
  return async (req: FastifyRequest) => {
    const key = presentedKey(req.headers);
    // A database that cannot answer is not a wrong key: tell the carrier to retry.
    const carrier = key
      ? await carriers.findByApiKey(key).catch(() => {
          throw new UnavailableError(
            'credentials cannot be checked right now; nothing was accepted, retry shortly',
            10,
          );
        })
      : null;
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
