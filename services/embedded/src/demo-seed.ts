// Demo traffic for the embedded pipeline, submitted through the real carrier path (the same
// archive → parse → store → screen thread a carrier's message takes), so what the demo shows
// is what the system does.
import { readFileSync } from 'node:fs';
import { demoFlights, generatePnrPush } from '@paxguard/demo-data';
import type { Manifest } from '@paxguard/domain';
import { encodePaxlst } from '@paxguard/edifact';
import type { IngestComponents } from '@paxguard/ingest';
import type { Logger } from '@paxguard/platform';

const GTAS = new URL('../../../packages/demo-data/data/gtas/', import.meta.url);

function paxlst(
  m: Manifest,
  ref: string,
  part?: { number: number; last: boolean; commonAccessRef: string },
): Buffer {
  const r = encodePaxlst(m, {
    sender: m.flight.carrier,
    recipient: 'PAXGUARD',
    interchangeRef: ref,
    messageRef: ref,
    preparedAt: new Date(),
    part,
  });
  if (!r.ok) throw new Error(`demo manifest ${ref} does not encode: ${r.errors[0]?.message}`);
  return Buffer.from(r.value);
}

export async function seedDemo(opts: {
  ingest: IngestComponents;
  now: Date;
  logger: Logger;
}): Promise<{ submitted: number }> {
  const pg = await opts.ingest.carriers.findByDesignator('PG');
  const ua = await opts.ingest.carriers.findByDesignator('UA');
  const qq = await opts.ingest.carriers.findByDesignator('QQ');
  if (!pg || !ua || !qq) throw new Error('demo carriers missing');
  const already = await opts.ingest.submissions.listForCarrier(pg.id, { limit: 1 });
  if (already.length > 0) return { submitted: 0 };

  // PG100–PG300 whole; PG400 as a two-part message and PG500 as JSON below.
  const demo = demoFlights(opts.now);
  const flights = ['100', '200', '300'].map((n) => demo.get(n)!);
  const submissions: { carrier: typeof pg; raw: Buffer; type: string }[] = [];
  flights.forEach((m, i) =>
    submissions.push({ carrier: pg, raw: paxlst(m, `DEMO${i + 1}`), type: 'application/edifact' }),
  );
  // A change to PG100: one passenger's name corrected, a seat change; then a cancellation.
  const m0 = flights[0]!;
  submissions.push({
    carrier: pg,
    raw: paxlst(
      {
        ...m0,
        functionCode: 'change',
        travellers: [
          { ...m0.travellers[0]!, references: { ...m0.travellers[0]!.references, seat: '1A' } },
        ],
        declaredCount: undefined,
      },
      'DEMO4',
    ),
    type: 'application/edifact',
  });
  submissions.push({
    carrier: pg,
    raw: paxlst(
      {
        ...m0,
        functionCode: 'cancel-reservation',
        travellers: [m0.travellers[1]!],
        declaredCount: undefined,
      },
      'DEMO5',
    ),
    type: 'application/edifact',
  });
  // A two-part message for PG400, arriving last part first.
  const m4 = demo.get('400')!;
  submissions.push({
    carrier: pg,
    raw: paxlst(
      // The last part's CNT counts the travellers of every part.
      { ...m4, travellers: m4.travellers.slice(30), declaredCount: m4.travellers.length },
      'DEMO6B',
      { number: 2, last: true, commonAccessRef: 'DEMO6' },
    ),
    type: 'application/edifact',
  });
  submissions.push({
    carrier: pg,
    raw: paxlst(
      { ...m4, travellers: m4.travellers.slice(0, 30), declaredCount: undefined },
      'DEMO6A',
      { number: 1, last: false, commonAccessRef: 'DEMO6' },
    ),
    type: 'application/edifact',
  });
  // The JSON form, for carriers without EDIFACT.
  const m5 = demo.get('500')!;
  submissions.push({
    carrier: pg,
    raw: Buffer.from(JSON.stringify({ ...m5, source: undefined })),
    type: 'application/json',
  });
  // Reservation data (JSON PNR pushes) for PG100–PG300; on PG200 one phone number and cash
  // payment run across six unrelated bookings: the link analysis should point at that phone. On
  // PG300 (DXB→LHR, a demo smuggling route) one agency sold eight cash one-way tickets.
  for (const m of flights)
    submissions.push({
      carrier: pg,
      raw: Buffer.from(
        JSON.stringify(
          generatePnrPush(m, {
            seed: Number(m.flight.number),
            bookedAt: new Date(opts.now.getTime() - 5 * 86_400_000).toISOString().slice(0, 16),
            facilitator:
              m.flight.number === '200' ? { phone: '+905550100200', bookings: 6 } : undefined,
            agency: m.flight.number === '300' ? { id: 'AGDEMO77', bookings: 8 } : undefined,
          }),
        ),
      ),
      type: 'application/json',
    });
  // Real-world shaped GTAS samples.
  submissions.push({
    carrier: ua,
    raw: readFileSync(new URL('Test1.txt', GTAS)),
    type: 'application/edifact',
  });
  submissions.push({
    carrier: qq,
    raw: readFileSync(new URL('multiple_flight_leg_apis.txt', GTAS)),
    type: 'application/edifact',
  });

  let n = 0;
  for (const s of submissions) {
    const r = await opts.ingest.ingest.submit({
      carrier: s.carrier,
      channel: 'http',
      contentType: s.type,
      raw: s.raw,
    });
    if (r.status === 'rejected')
      opts.logger.warn(
        { submissionId: r.submissionId, errors: r.errors.slice(0, 3) },
        'demo submission rejected',
      );
    n++;
  }
  return { submitted: n };
}
