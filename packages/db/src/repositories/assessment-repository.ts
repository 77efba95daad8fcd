// Assessments and the answers they produce. One current assessment per traveller: storing is
// idempotent on (traveller, input hash), under a row lock on the traveller, so a redelivered
// message or a crashed and restarted worker can never create a second result for one input.
import { randomUUID } from 'node:crypto';
import type { Finding, Manifest, Pnr, Traveller } from '@paxguard/domain';
import type { Database } from '../database.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { sqlSource, type SqlSource, type SqlTx } from './sql-tx.ts';

export interface AssessmentInput {
  travellerId: string;
  outcome: string;
  findings: Finding[];
  inputHash: string;
  versions: Readonly<Record<string, string>>;
}

export interface DirectiveInput {
  carrierId: string;
  flightId: string;
  travellerId: string;
  answer: string;
  basis: 'screening' | 'iapi' | 'iapi-timeout-default' | 'officer';
  reasons: unknown;
  submissionId?: string;
  issuedAt: Date;
}

export interface ScreeningSubject {
  travellerId: string;
  flightId: string;
  carrierId: string;
  flightKey: string;
  contentHash: string;
  traveller: Traveller;
  manifest: Manifest;
  /** The traveller's booking, when the carrier pushed it (PNRGOV / JSON). */
  pnr?: Pnr;
}

export async function storeDirective(
  tx: Prisma.TransactionClient,
  d: DirectiveInput,
): Promise<string> {
  await tx.directive.updateMany({
    where: { travellerId: d.travellerId, current: true },
    data: { current: false },
  });
  const row = await tx.directive.create({
    data: {
      ...d,
      reasons: d.reasons as Prisma.InputJsonValue,
      submissionId: d.submissionId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export interface StoreItem {
  assessment: AssessmentInput;
  /** Recorded only with a new assessment. */
  directive?: Omit<DirectiveInput, 'travellerId'>;
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * The bulk path behind `store` and `storeMany`: lock the travellers (in id order, so two workers
 * never deadlock), look up which (traveller, input hash) pairs exist, and write only the new ones
 * with multi-row statements. Items naming one traveller twice are applied in rounds, in order.
 */
async function storeAssessments(
  sql: SqlSource,
  items: readonly StoreItem[],
): Promise<{ created: boolean; id: string }[]> {
  if (items.length === 0) return [];
  const rounds: number[][] = [];
  const roundOf = new Map<string, number>();
  items.forEach((it, i) => {
    const r = (roundOf.get(it.assessment.travellerId) ?? -1) + 1;
    roundOf.set(it.assessment.travellerId, r);
    (rounds[r] ??= []).push(i);
  });
  const results: { created: boolean; id: string }[] = new Array(items.length);
  await sql.transaction(async (tx) => {
    await tx.query(
      `SELECT id FROM "Traveller" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)
       ORDER BY id FOR UPDATE`,
      [json([...roundOf.keys()])],
    );
    for (const round of rounds) await storeRound(tx, round, items, results);
  });
  return results;
}

async function storeRound(
  tx: SqlTx,
  round: number[],
  items: readonly StoreItem[],
  results: { created: boolean; id: string }[],
): Promise<void> {
  const pairs = round.map((i) => ({
    t: items[i]!.assessment.travellerId,
    h: items[i]!.assessment.inputHash,
  }));
  const existing = await tx.query<{
    id: string;
    travellerId: string;
    inputHash: string;
    current: boolean;
  }>(
    `SELECT a.id::text AS id, a."travellerId"::text AS "travellerId", a."inputHash", a.current
     FROM "Assessment" a JOIN jsonb_to_recordset($1::jsonb) AS p(t uuid, h text)
       ON a."travellerId" = p.t AND a."inputHash" = p.h`,
    [json(pairs)],
  );
  const found = new Map(existing.map((e) => [`${e.travellerId}|${e.inputHash}`, e]));
  const fresh: number[] = [];
  const revived: string[] = [];
  for (const i of round) {
    const a = items[i]!.assessment;
    const e = found.get(`${a.travellerId}|${a.inputHash}`);
    if (!e) {
      fresh.push(i);
      continue;
    }
    results[i] = { created: false, id: e.id };
    if (!e.current) revived.push(e.id);
  }
  // Whatever becomes current retires the traveller's current assessment.
  const retiring = [
    ...fresh.map((i) => items[i]!.assessment.travellerId),
    ...existing.filter((e) => !e.current).map((e) => e.travellerId),
  ];
  if (retiring.length > 0)
    await tx.query(
      `UPDATE "Assessment" SET current = false
       WHERE current AND "travellerId" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
      [json(retiring)],
    );
  if (revived.length > 0)
    await tx.query(
      `UPDATE "Assessment" SET current = true
       WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
      [json(revived)],
    );
  if (fresh.length === 0) return;
  // A batch shares a handful of reference versions: each distinct one is sent once.
  const versions: Readonly<Record<string, string>>[] = [];
  const versionIndex = new Map<Readonly<Record<string, string>>, number>();
  const rows = fresh.map((i) => {
    const a = items[i]!.assessment;
    const id = randomUUID();
    results[i] = { created: true, id };
    let v = versionIndex.get(a.versions);
    if (v === undefined) {
      v = versions.push(a.versions) - 1;
      versionIndex.set(a.versions, v);
    }
    return { id, t: a.travellerId, h: a.inputHash, o: a.outcome, v };
  });
  await tx.query(
    `INSERT INTO "Assessment" (id, "travellerId", "inputHash", outcome, "rulesVersion", current)
     SELECT r.id, r.t, r.h, r.o, $2::jsonb -> r.v, true
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, t uuid, h text, o text, v int)`,
    [json(rows), json(versions)],
  );
  const findings = fresh.flatMap((i) =>
    items[i]!.assessment.findings.map((f) => ({
      id: randomUUID(),
      a: results[i]!.id,
      source: f.source,
      code: f.code,
      severity: f.severity,
      message: f.message,
      ruleId: f.rule.id,
      ruleVersion: f.rule.version,
      evidence: f.evidence ?? null,
    })),
  );
  if (findings.length > 0)
    await tx.query(
      `INSERT INTO "Finding" (id, "assessmentId", source, code, severity, message, "ruleId", "ruleVersion", evidence)
       SELECT r.id, r.a, r.source, r.code, r.severity, r.message, r."ruleId", r."ruleVersion", r.evidence
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id uuid, a uuid, source text, code text, severity text, message text, "ruleId" text, "ruleVersion" text, evidence jsonb)`,
      [json(findings)],
    );
  const directives = fresh.flatMap((i) => {
    const d = items[i]!.directive;
    if (!d) return [];
    return [
      {
        id: randomUUID(),
        carrierId: d.carrierId,
        flightId: d.flightId,
        travellerId: items[i]!.assessment.travellerId,
        answer: d.answer,
        basis: d.basis,
        reasons: d.reasons ?? null,
        submissionId: d.submissionId ?? null,
        issuedAt: d.issuedAt.toISOString(),
      },
    ];
  });
  if (directives.length > 0) {
    await tx.query(
      `UPDATE "Directive" SET current = false
       WHERE current AND "travellerId" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
      [json(directives.map((d) => d.travellerId))],
    );
    await tx.query(
      `INSERT INTO "Directive" (id, "carrierId", "flightId", "travellerId", answer, basis, reasons, "submissionId", "issuedAt", current)
       SELECT r.id, r."carrierId", r."flightId", r."travellerId", r.answer, r.basis, r.reasons, r."submissionId", r."issuedAt", true
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id uuid, "carrierId" uuid, "flightId" uuid, "travellerId" uuid, answer text, basis text, reasons jsonb, "submissionId" uuid, "issuedAt" timestamptz)`,
      [json(directives)],
    );
  }
}

/** Raw SQL through the driver; Prisma only for the reads it still makes. */
export function createAssessmentRepository(db: Database) {
  const sql = sqlSource(db);
  const prisma = sql.prisma;
  return {
    /**
     * Store an assessment unless this exact input was assessed before. Returns whether a new
     * row was written. `directive` is recorded only with a new assessment.
     */
    async store(
      a: AssessmentInput,
      directive?: Omit<DirectiveInput, 'travellerId'>,
    ): Promise<{ created: boolean; id: string }> {
      const [r] = await storeAssessments(sql, [{ assessment: a, directive }]);
      return r!;
    },

    /**
     * Many assessments in one transaction and a handful of statements, each with the semantics
     * of `store` (in order: a traveller listed twice ends with its last input current).
     */
    storeMany: (items: readonly StoreItem[]) => storeAssessments(sql, items),

    /** Travellers with what screening needs: their data and the flight's latest manifest header. */
    async subjects(travellerIds: readonly string[]): Promise<ScreeningSubject[]> {
      if (travellerIds.length === 0) return [];
      const rows = await sql.query<{
        id: string;
        flightId: string;
        contentHash: string;
        data: Traveller;
        flightKey: string;
        carrierId: string;
      }>(
        `SELECT t.id::text AS id, t."flightId"::text AS "flightId", t."contentHash", t.data,
           f.key AS "flightKey", f."carrierId"::text AS "carrierId"
         FROM "Traveller" t JOIN "Flight" f ON f.id = t."flightId"
         WHERE t.id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
        [JSON.stringify(travellerIds)],
      );
      // Each flight's latest manifest header: the travellers stay in the database (a 300-traveller
      // manifest is mostly travellers, and screening takes the traveller from its own row).
      const flightIds = [...new Set(rows.map((r) => r.flightId))];
      const headers = await sql.query<{ flightId: string; manifest: Manifest }>(
        `SELECT DISTINCT ON ("flightId") "flightId"::text AS "flightId", manifest - 'travellers' AS manifest
         FROM "ManifestVersion" WHERE "flightId" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)
         ORDER BY "flightId", version DESC`,
        [JSON.stringify(flightIds)],
      );
      const manifests = new Map(headers.map((h) => [h.flightId, h.manifest]));
      const subjects: ScreeningSubject[] = rows
        .filter((r) => manifests.has(r.flightId))
        .map((r) => ({
          travellerId: r.id,
          flightId: r.flightId,
          carrierId: r.carrierId,
          flightKey: r.flightKey,
          contentHash: r.contentHash,
          traveller: r.data,
          manifest: { ...manifests.get(r.flightId)!, travellers: [] },
        }));
      // Bookings the carrier pushed for these flights (still standing), matched on the traveller's
      // booking reference.
      const refs = subjects
        .map((s) => s.traveller.references?.booking)
        .filter((b): b is string => !!b);
      if (refs.length > 0) {
        // A booking a later full push no longer carried is not the traveller's booking now.
        const pnrs = await sql.query<{ flightKey: string; bookingRef: string; data: Pnr }>(
          `SELECT "flightKey", "bookingRef", data FROM "Pnr"
           WHERE "flightKey" IN (SELECT jsonb_array_elements_text($1::jsonb))
             AND "bookingRef" IN (SELECT jsonb_array_elements_text($2::jsonb))
             AND "cancelledAt" IS NULL`,
          [
            JSON.stringify([...new Set(subjects.map((s) => s.flightKey))]),
            JSON.stringify([...new Set(refs)]),
          ],
        );
        const byKey = new Map(pnrs.map((p) => [`${p.flightKey}|${p.bookingRef}`, p.data]));
        for (const s of subjects) {
          const pnr = byKey.get(`${s.flightKey}|${s.traveller.references?.booking}`);
          if (pnr) s.pnr = pnr;
        }
      }
      return subjects;
    },

    /** Active travellers without a current assessment (work a crash or a lost event left undone). */
    async unassessed(limit = 1000): Promise<string[]> {
      const rows = await prisma.traveller.findMany({
        where: { status: 'active', assessments: { none: { current: true } } },
        select: { id: true },
        take: limit,
      });
      return rows.map((r) => r.id);
    },

    /** Travellers of flights not yet arrived: re-screened when reference data changes. */
    async notYetArrived(now: Date, limit = 100_000): Promise<string[]> {
      const rows = await prisma.traveller.findMany({
        where: {
          status: { in: ['active', 'boarded'] },
          flight: {
            status: { not: 'cancelled' },
            OR: [{ scheduledArrival: null }, { scheduledArrival: { gt: now } }],
          },
        },
        select: { id: true },
        take: limit,
      });
      return rows.map((r) => r.id);
    },

    async current(travellerId: string) {
      return prisma.assessment.findFirst({
        where: { travellerId, current: true },
        include: { findings: true },
      });
    },
  };
}
export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
