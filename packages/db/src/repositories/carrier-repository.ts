// Carriers and their API keys.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashSecret } from './credentials.ts';

export interface CarrierIdentity {
  id: string;
  designator: string;
  name: string;
}

export function createCarrierRepository(prisma: PrismaClient) {
  return {
    /**
     * Every carrier submission and check-in request authenticates here: one raw statement,
     * about a third of the CPU of the same lookup through Prisma's query compiler.
     */
    async findByApiKey(apiKey: string): Promise<CarrierIdentity | null> {
      const [row] = await prisma.$queryRawUnsafe<CarrierIdentity[]>(
        `SELECT c.id::text AS id, c.designator, c.name
         FROM "CarrierApiKey" k JOIN "Carrier" c ON c.id = k."carrierId"
         WHERE k."keyHash" = $1 AND k."revokedAt" IS NULL`,
        hashSecret(apiKey),
      );
      return row ?? null;
    },
    async findByDesignator(designator: string): Promise<CarrierIdentity | null> {
      return prisma.carrier.findUnique({
        where: { designator },
        select: { id: true, designator: true, name: true },
      });
    },
    /** Create the carrier if new, and register an API key for it (idempotent per key). */
    async ensure(input: {
      designator: string;
      name: string;
      apiKey: string;
      label?: string;
    }): Promise<CarrierIdentity> {
      const carrier = await prisma.carrier.upsert({
        where: { designator: input.designator },
        create: { designator: input.designator, name: input.name },
        update: {},
      });
      await prisma.carrierApiKey.upsert({
        where: { keyHash: hashSecret(input.apiKey) },
        create: {
          carrierId: carrier.id,
          keyHash: hashSecret(input.apiKey),
          label: input.label ?? 'default',
        },
        update: {},
      });
      return { id: carrier.id, designator: carrier.designator, name: carrier.name };
    },
    async list(): Promise<CarrierIdentity[]> {
      return prisma.carrier.findMany({
        select: { id: true, designator: true, name: true },
        orderBy: { designator: 'asc' },
      });
    },
  };
}
export type CarrierRepository = ReturnType<typeof createCarrierRepository>;
