// Console users and their roles.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashSecret } from './credentials.ts';

export const ROLES = ['officer', 'supervisor', 'regulator', 'auditor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UserIdentity {
  id: string;
  name: string;
  role: Role;
}

export function createUserRepository(prisma: PrismaClient) {
  return {
    async findByToken(token: string): Promise<UserIdentity | null> {
      const u = await prisma.user.findUnique({ where: { tokenHash: hashSecret(token) } });
      if (!u || u.disabledAt || !(ROLES as readonly string[]).includes(u.role)) return null;
      return { id: u.id, name: u.name, role: u.role as Role };
    },
    async ensure(input: { name: string; role: Role; token: string }): Promise<UserIdentity> {
      const u = await prisma.user.upsert({
        where: { tokenHash: hashSecret(input.token) },
        create: { name: input.name, role: input.role, tokenHash: hashSecret(input.token) },
        update: {},
      });
      return { id: u.id, name: u.name, role: u.role as Role };
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
