// Stored history for back-testing a draft profile: every stored traveller with the features
// the profiles package derives from its Traveller data and its flight's latest manifest.
import type { Manifest, Traveller } from '@paxguard/domain';
import { deriveFeatures, type HistoryRecord } from '@paxguard/profiles';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface HistoryOptions {
  now?: Date;
  /** Only flights dated on or after this day (YYYY-MM-DD). */
  since?: string;
  /** At most this many travellers, newest flights first. Default 50 000. */
  limit?: number;
  /** IATA airport → State code, for route countries. */
  airportCountries?: ReadonlyMap<string, string>;
}

export async function loadBacktestHistory(
  prisma: PrismaClient,
  opts: HistoryOptions = {},
): Promise<{ records: HistoryRecord[]; underivable: number }> {
  const now = opts.now ?? new Date();
  const travellers = await prisma.traveller.findMany({
    where: opts.since ? { flight: { flightDate: { gte: opts.since } } } : {},
    orderBy: [{ flight: { flightDate: 'desc' } }, { createdAt: 'asc' }],
    take: Math.min(opts.limit ?? 50_000, 500_000),
    select: { id: true, flightId: true, data: true, flight: { select: { key: true } } },
  });
  const flightIds = [...new Set(travellers.map((t) => t.flightId))];
  const manifests = await prisma.manifestVersion.findMany({
    where: { flightId: { in: flightIds } },
    orderBy: [{ flightId: 'asc' }, { version: 'desc' }],
    distinct: ['flightId'],
    select: { flightId: true, manifest: true },
  });
  const byFlight = new Map(manifests.map((m) => [m.flightId, m.manifest as unknown as Manifest]));
  const records: HistoryRecord[] = [];
  let underivable = 0;
  for (const t of travellers) {
    const manifest = byFlight.get(t.flightId);
    if (!manifest) {
      underivable++;
      continue;
    }
    try {
      records.push({
        flightKey: t.flight.key,
        travellerId: t.id,
        features: deriveFeatures({
          traveller: t.data as unknown as Traveller,
          manifest,
          now,
          airportCountries: opts.airportCountries,
        }),
      });
    } catch {
      // Stored data from an older shape: counted, never fatal for the back-test.
      underivable++;
    }
  }
  return { records, underivable };
}
