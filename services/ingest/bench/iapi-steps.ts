// CPU per iAPI request, step by step, measured in this process on the benchmark's own request
// bodies: what the service spends besides the database and HTTP.
import { travellerHash } from '@paxguard/domain';
import { decodePaxlst, encodeCusres, sniffFormat } from '@paxguard/edifact';
import { shippedReference } from '@paxguard/pipeline';
import { buildScreeningReference, carrierMessage, createScreener } from '@paxguard/screening';
import { decodeText } from '../src/ingest-service.ts';

export interface StepCost {
  step: string;
  /** CPU microseconds per request (user + system). */
  us: number;
}

function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export function measureSteps(bodies: readonly string[]): StepCost[] {
  const built = buildScreeningReference(shippedReference());
  if (!built.reference) throw new Error('shipped reference data unusable');
  const screener = createScreener(built.reference);
  const now = new Date('2026-12-29T08:00:00Z');
  const raw = bodies.map((b) => Buffer.from(b));
  const decoded = raw.map((r) => {
    const d = decodePaxlst(decodeText(r), { mode: 'lenient' });
    if (!d.ok) throw new Error('benchmark body does not decode');
    return d.value[0]!.manifest;
  });
  const hashes = decoded.map((m) => travellerHash(m.travellers[0]!));
  const assessed = decoded.map((m, i) =>
    screener.assess({ traveller: m.travellers[0]!, manifest: m, travellerHash: hashes[i]!, now }),
  );
  const steps: [string, (i: number) => unknown][] = [
    [
      'decode (text, sniff, PAXLST)',
      (i) => {
        const text = decodeText(raw[i]!);
        sniffFormat(text);
        return decodePaxlst(text, { mode: 'lenient' });
      },
    ],
    ['traveller hash', (i) => travellerHash(decoded[i]!.travellers[0]!)],
    [
      'screening (shipped reference)',
      (i) =>
        screener.assess({
          traveller: decoded[i]!.travellers[0]!,
          manifest: decoded[i]!,
          travellerHash: hashes[i]!,
          now,
        }),
    ],
    [
      'CUSRES encode',
      (i) =>
        encodeCusres(
          {
            requestRef: decoded[i]!.messageRef ?? 'REF',
            flight: `${decoded[i]!.flight.carrier}${decoded[i]!.flight.number}`,
            departureLocal: decoded[i]!.flight.legs[0]!.departure.local,
            answers: [
              {
                passenger: decoded[i]!.travellers[0]!.references?.passenger,
                answer: assessed[i]!.answer,
                text: carrierMessage(assessed[i]!.answer, assessed[i]!.findings),
              },
            ],
          },
          {
            sender: 'PAXGUARD',
            recipient: 'PG',
            interchangeRef: 'R1',
            messageRef: 'R1',
            preparedAt: now,
          },
        ),
    ],
    [
      'store input as JSON',
      (i) =>
        JSON.stringify({
          manifest: decoded[i]!,
          traveller: decoded[i]!.travellers[0]!,
          assessed: assessed[i]!,
        }),
    ],
  ];
  return steps.map(([step, fn]) => {
    for (let i = 0; i < raw.length; i++) fn(i); // warm
    const rounds = 3;
    const start = cpuUs();
    for (let r = 0; r < rounds; r++) for (let i = 0; i < raw.length; i++) fn(i);
    return { step, us: (cpuUs() - start) / (rounds * raw.length) };
  });
}
