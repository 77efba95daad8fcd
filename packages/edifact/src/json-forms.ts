// The JSON form carriers without EDIFACT POST: zod schemas for manifests and PNR pushes,
// decoded into the same domain objects and the same issue shape (path instead of segment).
import {
  FunctionCode,
  Manifest,
  Payment,
  Pnr,
  PnrPush,
  normaliseFlightNumber,
} from '@paxguard/domain';
import { z } from 'zod';
import { defaultAirportZones, localToUtc, type AirportZones } from './airport-zones.ts';
import { maskCard } from './card-masking.ts';
import { IssueSink, type DecodeResult } from './codec-issues.ts';

const RawFlightNumber = z.string().trim().min(1).max(8);

export const ManifestJson = Manifest.omit({ source: true }).extend({
  functionCode: FunctionCode.default('original'),
  flight: Manifest.shape.flight.extend({
    /** As the carrier writes it: `DL0123`, `0123`, `123A`; normalised on decode. */
    number: RawFlightNumber,
  }),
});
export type ManifestJson = z.input<typeof ManifestJson>;

const PaymentJson = Payment.extend({
  /** A full card number may be sent; it is masked and fingerprinted on decode, never kept. */
  cardNumber: z.string().optional(),
});

export const PnrPushJson = PnrPush.omit({ source: true, pnrs: true }).extend({
  flight: PnrPush.shape.flight.extend({ number: RawFlightNumber }),
  pnrs: z.array(Pnr.extend({ payments: z.array(PaymentJson).default([]) })),
});
export type PnrPushJson = z.input<typeof PnrPushJson>;

export interface JsonDecodeOptions {
  zones?: AirportZones;
  /** Secret mixed into card fingerprints. */
  cardSalt?: string;
}

function zodIssues(sink: IssueSink, error: z.ZodError): void {
  for (const i of error.issues.slice(0, 100)) {
    const path = i.path.join('.');
    sink.error(`JSON_${i.code.toUpperCase()}`, path ? `${path}: ${i.message}` : i.message, {
      path,
    });
  }
}

function withUtc<P extends { airport: string; local?: string; utc?: string }>(
  p: P,
  zones: AirportZones,
): P {
  if (p.utc || !p.local) return p;
  const utc = localToUtc(p.local, p.airport, zones);
  return utc ? { ...p, utc } : p;
}

function flightNumber(sink: IssueSink, raw: string, carrier: string): string {
  const n = normaliseFlightNumber(raw, carrier);
  if (!/^[0-9]{1,4}[A-Z]?$/.test(n)) {
    sink.error(
      'FLIGHT_NUMBER_INVALID',
      `flight.number: "${raw}" is not a flight number such as DL123.`,
      { path: 'flight.number' },
    );
  }
  return n;
}

/** A parsed JSON body (not text) → Manifest. */
export function decodeManifestJson(
  value: unknown,
  options: JsonDecodeOptions = {},
): DecodeResult<Manifest> {
  const sink = new IssueSink(true);
  const parsed = ManifestJson.safeParse(value);
  if (!parsed.success) {
    zodIssues(sink, parsed.error);
    return sink.result(undefined as unknown as Manifest);
  }
  const zones = options.zones ?? defaultAirportZones();
  const m = parsed.data;
  const manifest: Manifest = {
    ...m,
    source: 'JSON',
    flight: {
      ...m.flight,
      number: flightNumber(sink, m.flight.number, m.flight.carrier),
      legs: m.flight.legs.map((l) => ({
        ...l,
        departure: withUtc(l.departure, zones),
        arrival: withUtc(l.arrival, zones),
      })),
    },
  };
  if (m.declaredCount !== undefined && m.declaredCount !== m.travellers.length) {
    sink.warn(
      'CNT_MISMATCH',
      `declaredCount is ${m.declaredCount} but travellers lists ${m.travellers.length}.`,
      { path: 'declaredCount' },
    );
  }
  return sink.result(manifest);
}

/** A parsed JSON body → PnrPush; full card numbers are replaced by mask and fingerprint. */
export function decodePnrJson(
  value: unknown,
  options: JsonDecodeOptions = {},
): DecodeResult<PnrPush> {
  const sink = new IssueSink(true);
  const parsed = PnrPushJson.safeParse(value);
  if (!parsed.success) {
    zodIssues(sink, parsed.error);
    return sink.result(undefined as unknown as PnrPush);
  }
  const zones = options.zones ?? defaultAirportZones();
  const p = parsed.data;
  const push: PnrPush = {
    ...p,
    source: 'JSON',
    flight: {
      ...p.flight,
      number: flightNumber(sink, p.flight.number, p.flight.carrier),
      departure: withUtc(p.flight.departure, zones),
      arrival: withUtc(p.flight.arrival, zones),
    },
    pnrs: p.pnrs.map((pnr) => ({
      ...pnr,
      payments: pnr.payments.map(({ cardNumber, ...pay }) =>
        cardNumber ? { ...pay, ...maskCard(cardNumber, options.cardSalt) } : pay,
      ),
    })),
  };
  if (p.declaredPnrCount !== undefined && p.declaredPnrCount !== p.pnrs.length) {
    sink.warn(
      'EQN_MISMATCH',
      `declaredPnrCount is ${p.declaredPnrCount} but pnrs lists ${p.pnrs.length}.`,
      { path: 'declaredPnrCount' },
    );
  }
  return sink.result(push);
}
