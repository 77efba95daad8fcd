// The iAPI benchmarks' check-in requests: one traveller each, spread over 20 flights, every
// one a distinct traveller so that each request is a real new check-in.
import { generateManifest } from '@paxguard/demo-data';
import { encodePaxlst } from '@paxguard/edifact';

export function checkInBodies(count: number): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = generateManifest({
      seed: 10_000 + i,
      carrier: 'PG',
      number: String(100 + (i % 20)),
      date: '2026-12-30',
      origin: 'LHR',
      destination: 'JFK',
      destinationState: 'USA',
      passengers: 1,
    });
    const r = encodePaxlst(m, {
      sender: 'PG',
      recipient: 'PAXGUARD',
      interchangeRef: `B${i}`,
      messageRef: `B${i}`,
      preparedAt: '2026-12-29T08:00',
    });
    if (!r.ok) throw new Error(`check-in body ${i}: ${JSON.stringify(r.errors)}`);
    bodies.push(r.value);
  }
  return bodies;
}
