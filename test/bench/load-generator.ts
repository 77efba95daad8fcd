// The carrier side of the pipeline benchmark, in its own process: builds seeded PAXLST
// interchanges (demo-data + the EDIFACT encoder) and publishes them on the carrier submissions
// topic as fast as Kafka takes them. Driven over stdin/stdout, one JSON object per line.
import { createInterface } from 'node:readline';
import { generateManifest } from '@paxguard/demo-data';
import { flightKey, planManifestUpdate, Topics } from '@paxguard/domain';
import { encodePaxlst } from '@paxguard/edifact';
import { createKafkaBus, createLogger, type OutgoingMessage } from '@paxguard/platform';

export interface FlightSpec {
  seed: number;
  number: string;
  passengers: number;
  crew: number;
}

export type Command =
  | { cmd: 'prepare'; set: string; flights: FlightSpec[] }
  | { cmd: 'send'; set: string; from?: number; to?: number; batch?: number };

export type Reply =
  | { set: string; prepared: number; travellers: number[]; flightKeys: string[]; bytes: number }
  | { set: string; sent: number; firstSentAt: number; lastSentAt: number };

const API_KEY = process.env.PAXGUARD_BENCH_API_KEY ?? 'bench-key';
const bus = createKafkaBus({
  brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  clientId: `bench-carrier-${process.pid}`,
  logger: createLogger({ service: 'bench-carrier', level: 'error' }),
});
const sets = new Map<string, OutgoingMessage[]>();
const now = () => performance.timeOrigin + performance.now();

function prepare(c: Extract<Command, { cmd: 'prepare' }>): Reply {
  const messages: OutgoingMessage[] = [];
  const travellers: number[] = [];
  const flightKeys: string[] = [];
  let bytes = 0;
  for (const f of c.flights) {
    const m = generateManifest({
      seed: f.seed,
      carrier: 'PG',
      number: f.number,
      date: '2026-12-24',
      origin: 'LHR',
      destination: 'JFK',
      passengers: f.passengers,
      crew: f.crew,
      expiredShare: 0.02,
      destinationState: 'USA',
    });
    const ref = `B${c.set.slice(0, 4)}${f.number}`.slice(0, 14);
    const r = encodePaxlst(m, {
      sender: 'PG',
      recipient: 'PAXGUARD',
      interchangeRef: ref,
      messageRef: ref,
      preparedAt: '2026-12-20T08:00',
    });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
    // What the pipeline will store: one traveller per distinct key the planner derives.
    travellers.push(planManifestUpdate(m, []).travellers.filter((op) => op.kind === 'add').length);
    const key = flightKey(m.flight);
    flightKeys.push(key);
    bytes += Buffer.byteLength(r.value);
    messages.push({
      key,
      value: r.value,
      headers: {
        'api-key': API_KEY,
        'message-id': `${c.set}-${f.number}`,
        'content-type': 'application/edifact',
      },
    });
  }
  sets.set(c.set, messages);
  return { set: c.set, prepared: messages.length, travellers, flightKeys, bytes };
}

async function send(c: Extract<Command, { cmd: 'send' }>): Promise<Reply> {
  const all = sets.get(c.set);
  if (!all) throw new Error(`unknown set ${c.set}`);
  const list = all.slice(c.from ?? 0, c.to ?? all.length);
  const batch = c.batch ?? 8;
  const firstSentAt = now();
  for (let i = 0; i < list.length; i += batch)
    await bus.publish(Topics.carrierSubmissions, list.slice(i, i + batch));
  return { set: c.set, sent: list.length, firstSentAt, lastSentAt: now() };
}

const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  const c = JSON.parse(line) as Command;
  const reply = c.cmd === 'prepare' ? prepare(c) : await send(c);
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
await bus.close();
