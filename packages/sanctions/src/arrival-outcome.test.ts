import { describe, expect, it } from 'vitest';
import type { OutcomeContext } from './arrival-outcome.ts';
import { ArrivalOutcomeRecorded, validateArrivalOutcome } from './arrival-outcome.ts';
import { envelope, readEvent } from '@paxguard/domain';

const ctx: OutcomeContext = {
  flight: {
    key: 'XY101/2026-03-01',
    departureUtc: '2026-03-01T10:00:00Z',
    arrivalUtc: '2026-03-01T16:00:00Z',
  },
  travellerIds: new Set(['P1', 'P2']),
  currency: 'EUR',
  now: new Date('2026-03-05T00:00:00Z'),
};
const good = {
  id: 'o1',
  flightKey: 'XY101/2026-03-01',
  travellerId: 'P1',
  recordedAt: '2026-03-01T16:30:00Z',
  recordedBy: 'officer-1',
  kind: 'refused-entry',
  ground: 'no-visa-or-travel-authorisation',
};
const removal = {
  ...good,
  kind: 'removed',
  removedAt: '2026-03-02T09:00:00Z',
  returningCarrier: 'ZZ',
  cost: { amount: '1250.40', currency: 'EUR' },
};

describe('validateArrivalOutcome', () => {
  it('accepts each kind of outcome', () => {
    for (const o of [
      good,
      { ...good, kind: 'admitted' },
      { ...good, kind: 'protection-claim' },
      removal,
    ]) {
      const r = validateArrivalOutcome(o, ctx);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
  });

  it('turns the removal cost into exact minor units', () => {
    const r = validateArrivalOutcome(removal, ctx);
    expect(r.ok && r.value.kind === 'removed' ? r.value.cost : undefined).toEqual({
      minor: 125040,
      currency: 'EUR',
    });
  });

  it.each([
    ['unknown flight', { ...good, flightKey: 'XY999/2026-03-01' }, 'UNKNOWN_FLIGHT', 'flightKey'],
    ['unknown traveller', { ...good, travellerId: 'P9' }, 'UNKNOWN_TRAVELLER', 'travellerId'],
    [
      'impossible date',
      { ...good, recordedAt: '2026-02-30T16:30:00Z' },
      'OUTCOME_INVALID',
      'recordedAt',
    ],
    ['not a date', { ...good, recordedAt: 'yesterday' }, 'OUTCOME_INVALID', 'recordedAt'],
    [
      'before arrival',
      { ...good, recordedAt: '2026-03-01T12:00:00Z' },
      'OUTCOME_BEFORE_ARRIVAL',
      'recordedAt',
    ],
    [
      'in the future',
      { ...good, recordedAt: '2026-04-01T12:00:00Z' },
      'OUTCOME_IN_FUTURE',
      'recordedAt',
    ],
    ['unknown ground', { ...good, ground: 'looked-suspicious' }, 'OUTCOME_INVALID', 'ground'],
    ['unknown kind', { ...good, kind: 'detained' }, 'OUTCOME_INVALID', 'kind'],
    [
      'currency not ISO 4217',
      { ...removal, cost: { amount: '10', currency: 'EUX' } },
      'CURRENCY_NOT_ISO4217',
      'cost.currency',
    ],
    [
      'currency not the jurisdiction’s',
      { ...removal, cost: { amount: '10', currency: 'USD' } },
      'CURRENCY_NOT_JURISDICTION',
      'cost.currency',
    ],
    [
      'too many decimals',
      { ...removal, cost: { amount: '10.001', currency: 'EUR' } },
      'AMOUNT_TOO_PRECISE',
      'cost.amount',
    ],
    [
      'negative cost',
      { ...removal, cost: { amount: '-10', currency: 'EUR' } },
      'AMOUNT_NOT_DECIMAL',
      'cost.amount',
    ],
    [
      'removal before arrival',
      { ...removal, removedAt: '2026-03-01T11:00:00Z' },
      'REMOVAL_BEFORE_ARRIVAL',
      'removedAt',
    ],
    [
      'bad carrier code',
      { ...removal, returningCarrier: 'not a carrier' },
      'OUTCOME_INVALID',
      'returningCarrier',
    ],
  ])('refuses %s', (_name, input, code, where) => {
    const r = validateArrivalOutcome(input, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual(expect.objectContaining({ code, where }));
  });

  it('refuses when the flight is not known at all', () => {
    const r = validateArrivalOutcome(good, { ...ctx, flight: undefined });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toContain('UNKNOWN_FLIGHT');
  });

  it('travels as a versioned Kafka event', () => {
    const env = envelope(ArrivalOutcomeRecorded, {
      id: 'e1',
      key: good.flightKey,
      occurredAt: new Date('2026-03-01T16:31:00Z'),
      payload: removal as never,
    });
    const back = readEvent(ArrivalOutcomeRecorded, env);
    expect(back.ok).toBe(true);
    expect(ArrivalOutcomeRecorded.topic).toBe('paxguard.arrival.outcomes');
    if (back.ok) expect(validateArrivalOutcome(back.payload, ctx).ok).toBe(true);
  });
});
