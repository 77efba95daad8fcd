#!/usr/bin/env tsx
// Carrier simulator: drives realistic traffic into a running Paxguard — passenger lists over
// HTTPS or Kafka, then changes, cancellations and interactive check-in requests — and prints
// what the system answered. For demos, load tests and trying the carrier API.
//   npm run simulate -w @paxguard/cli -- --url http://127.0.0.1:8080 --key <carrier key> --carrier PG
//   npm run simulate -w @paxguard/cli -- --kafka 127.0.0.1:9092 --key <carrier key> --carrier PG
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { generateManifest } from '@paxguard/demo-data';
import type { Manifest } from '@paxguard/domain';
import { encodePaxlst } from '@paxguard/edifact';

const USAGE = `usage: simulate --key KEY --carrier XX (--url URL | --kafka HOST:PORT[,…])
                [--flights N=5] [--passengers N=150] [--seed N=1] [--date YYYY-MM-DD] [--iapi N=5]`;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    kafka: { type: 'string' },
    key: { type: 'string' },
    carrier: { type: 'string' },
    flights: { type: 'string', default: '5' },
    passengers: { type: 'string', default: '150' },
    seed: { type: 'string', default: '1' },
    date: { type: 'string' },
    iapi: { type: 'string', default: '5' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
if (
  !values.key ||
  !values.carrier ||
  (!values.url && !values.kafka) ||
  !/^[A-Z0-9]{2,3}$/.test(values.carrier)
) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const count = (v: string, name: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) {
    process.stderr.write(`simulate: --${name} must be a whole number (got ${v})\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
};
const flights = count(values.flights!, 'flights');
const passengers = count(values.passengers!, 'passengers');
const seed = count(values.seed!, 'seed');
const iapi = count(values.iapi!, 'iapi');
const date = values.date ?? new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const ROUTES = [
  ['LHR', 'JFK', 'USA'],
  ['IST', 'FRA', 'DEU'],
  ['DXB', 'LHR', 'GBR'],
  ['CDG', 'YYZ', 'CAN'],
  ['LOS', 'LHR', 'GBR'],
] as const;

let ref = 0;
function edifact(m: Manifest): string {
  ref++;
  const r = encodePaxlst(m, {
    sender: m.flight.carrier,
    recipient: 'PAXGUARD',
    interchangeRef: `SIM${seed}${ref}`,
    messageRef: `SIM${seed}${ref}`,
    preparedAt: new Date(),
  });
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.value;
}

async function http(path: string, body: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`${values.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${values.key}`, 'content-type': 'application/edifact' },
    body,
  });
  return { status: r.status, body: await r.text() };
}

const kafka = values.kafka
  ? new Kafka({
      brokers: values.kafka.split(','),
      clientId: `simulator-${values.carrier}`,
      logLevel: logLevel.NOTHING,
    })
  : undefined;
const producer = kafka?.producer();
await producer?.connect();

async function send(m: Manifest, label: string): Promise<void> {
  const text = edifact(m);
  if (producer) {
    await producer.send({
      topic: 'paxguard.carrier.submissions',
      acks: -1,
      messages: [
        {
          key: `${m.flight.carrier}${m.flight.number}`,
          value: text,
          headers: {
            'api-key': values.key!,
            'message-id': `sim-${seed}-${ref}`,
            'content-type': 'application/edifact',
          },
        },
      ],
    });
    say(
      `${label.padEnd(34)} → published to Kafka (${text.length} bytes); answers arrive on paxguard.carrier.replies`,
    );
    return;
  }
  const r = await http('/v1/carrier/submissions', text);
  const body = JSON.parse(r.body) as {
    status: string;
    flights?: { flightKey: string; added: number; changed: number }[];
    errors?: { code: string }[];
  };
  const f = body.flights?.[0];
  say(
    `${label.padEnd(34)} → ${r.status} ${body.status}${f ? ` ${f.flightKey} +${f.added} ~${f.changed}` : ''}${body.errors?.length ? ` ${body.errors.map((e) => e.code).join(',')}` : ''}`,
  );
}

const t0 = performance.now();
let travellers = 0;
for (let i = 0; i < flights; i++) {
  const [origin, destination, destinationState] = ROUTES[i % ROUTES.length]!;
  const m = generateManifest({
    seed: seed * 1000 + i,
    carrier: values.carrier,
    number: String(700 + i),
    date,
    origin,
    destination,
    destinationState,
    passengers,
    crew: 8,
    expiredShare: 0.02,
  });
  travellers += m.travellers.length;
  await send(m, `${values.carrier}${700 + i} passenger list`);
  if (passengers > 2) {
    const changed = {
      ...m,
      functionCode: 'change' as const,
      declaredCount: undefined,
      travellers: [
        { ...m.travellers[0]!, references: { ...m.travellers[0]!.references, seat: '1A' } },
      ],
    };
    await send(changed, `${values.carrier}${700 + i} change (seat)`);
    await send(
      {
        ...m,
        functionCode: 'cancel-reservation',
        declaredCount: undefined,
        travellers: [m.travellers[1]!],
      },
      `${values.carrier}${700 + i} cancellation`,
    );
  }
}
if (values.url && iapi > 0) {
  for (let i = 0; i < iapi; i++) {
    const m = generateManifest({
      seed: seed * 1000 + 900 + i,
      carrier: values.carrier,
      number: '799',
      date,
      origin: 'LHR',
      destination: 'JFK',
      destinationState: 'USA',
      passengers: 1,
      expiredShare: i === 0 ? 1 : 0,
    });
    const r = await http('/v1/carrier/iapi', edifact(m));
    const erc = /ERC\+([0-9A-Z]+)'/.exec(r.body)?.[1];
    say(`check-in ${m.travellers[0]!.name.surname.padEnd(25)} → ${r.status} ERC ${erc ?? '?'}`);
  }
}
await producer?.disconnect();
const seconds = (performance.now() - t0) / 1000;
say(
  `simulated ${flights} flights, ${travellers} travellers in ${seconds.toFixed(1)} s (${(travellers / seconds).toFixed(0)} travellers/s)`,
);
