// Carrier-side helpers for end-to-end tests: build a realistic PAXLST and submit it.
import { generateManifest, type ManifestSpec } from '@paxguard/demo-data';
import type { Manifest } from '@paxguard/domain';
import { encodePaxlst } from '@paxguard/edifact';

export function manifest(spec: Partial<ManifestSpec> & { seed: number }): Manifest {
  return generateManifest({
    carrier: 'PG',
    number: '700',
    date: '2026-12-24',
    origin: 'LHR',
    destination: 'JFK',
    passengers: 20,
    crew: 2,
    ...spec,
  });
}

export function paxlst(m: Manifest, ref: string): string {
  const r = encodePaxlst(m, {
    sender: m.flight.carrier,
    recipient: 'PAXGUARD',
    interchangeRef: ref,
    messageRef: ref,
    preparedAt: '2026-12-20T08:00',
  });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

export async function submit(base: string, apiKey: string, body: string) {
  const r = await fetch(`${base}/v1/carrier/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/edifact' },
    body,
  });
  return {
    status: r.status,
    body: (await r.json()) as {
      submissionId: string;
      status: string;
      flights: { flightKey: string; added: number }[];
      errors: { code: string }[];
    },
  };
}

export async function travellers(base: string, token: string, flightKey: string) {
  const r = await fetch(`${base}/v1/flights/${flightKey}/travellers`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (r.status === 404) return undefined;
  if (!r.ok) throw new Error(`GET travellers: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { travellers: { key: string; status: string }[] }).travellers;
}
