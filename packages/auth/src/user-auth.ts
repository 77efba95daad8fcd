// Console users authenticate with a bearer token; each route states the roles it admits.
import { ForbiddenError } from '@paxguard/domain';
import type { Role, UserIdentity, UserRepository } from '@paxguard/db';
import { UnauthenticatedError } from '@paxguard/platform';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    user?: UserIdentity;
  }
}

export function userAuth(users: UserRepository, roles: readonly Role[]) {
  return async (req: FastifyRequest) => {
    const auth = req.headers.authorization;
    const token =
      typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const user = token ? await users.findByToken(token) : null;
    if (!user)
      throw new UnauthenticatedError(
        'a valid console token is required (Authorization: Bearer <token>)',
      );
    if (!roles.includes(user.role))
      throw new ForbiddenError(
        'ROLE_NOT_ALLOWED',
        `this needs one of the roles ${roles.join(', ')}; you are ${user.role}`,
      );
    req.user = user;
  };
}

export function currentUser(req: FastifyRequest): UserIdentity {
  if (!req.user) throw new UnauthenticatedError();
  return req.user;
}
