// The sanctions API on PostgreSQL: outcomes in with precise refusals, idempotent detection and
// drafting, roles, carrier isolation, compare-and-set (409), late answers, profiles, the demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SanctionCase } from '@paxguard/sanctions';
import {
  DAY,
  HOUR,
  KEYS,
  TOKENS,
  bearer,
  landedFlight,
  outcome,
  startFixture,
  type Fixture,
} from './test-fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
}, 60_000);
afterAll(async () => f?.close());

const inject = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
  f.app.inject({ method, url, headers: bearer(token), payload: payload as object });

async function refusedFlight(number: string) {
  const flight = await landedFlight(f, number);
  const at = f.clock.t - DAY + HOUR;
  const r = await inject(
    'POST',
    '/v1/arrivals',
    TOKENS.officer,
    outcome(flight, 'P1', { kind: 'refused-entry', ground: 'no-visa-or-travel-authorisation' }, at),
  );
  expect(r.statusCode, r.body).toBe(201);
  const c = await f.sanctions.repositories.cases.getByKey(`PG|flight|${flight.flightKey}`);
  return { flight, caseId: c!.id };
}

async function move(id: string, token: string, body: Record<string, unknown>) {
  const cur = (await inject('GET', `/v1/sanctions/cases/${id}`, TOKENS.regulator)).json<{
    case: SanctionCase;
  }>().case;
  return inject('POST', `/v1/sanctions/cases/${id}/transitions`, token, {
    expectedVersion: cur.version,
    reason: 'test',
    ...body,
  });
}

describe('arrival outcomes', () => {
  it('are refused with precise reasons: unknown traveller and flight, future date, currency', async () => {
    const flight = await landedFlight(f, '101');
    const at = f.clock.t - DAY + HOUR;
    const unknownTraveller = await inject('POST', '/v1/arrivals', TOKENS.officer, {
      ...outcome(flight, 'P1', { kind: 'admitted' }, at),
      travellerId: '00000000-0000-0000-0000-000000000000',
    });
    expect(unknownTraveller.statusCode).toBe(422);
    expect(unknownTraveller.json().error).toBe('UNKNOWN_TRAVELLER');

    const unknownFlight = await inject('POST', '/v1/arrivals', TOKENS.officer, {
      ...outcome(flight, 'P1', { kind: 'admitted' }, at),
      flightKey: 'ZZ1/2026-01-01',
    });
    expect(unknownFlight.statusCode).toBe(422);
    expect(unknownFlight.json().details.problems.map((p: { code: string }) => p.code)).toContain(
      'UNKNOWN_FLIGHT',
    );

    const future = await inject(
      'POST',
      '/v1/arrivals',
      TOKENS.officer,
      outcome(flight, 'P1', { kind: 'admitted' }, f.clock.t + HOUR),
    );
    expect(future.json().error).toBe('OUTCOME_IN_FUTURE');

    const beforeArrival = await inject(
      'POST',
      '/v1/arrivals',
      TOKENS.officer,
      outcome(flight, 'P1', { kind: 'admitted' }, f.clock.t - 2 * DAY),
    );
    expect(beforeArrival.json().error).toBe('OUTCOME_BEFORE_ARRIVAL');

    const currency = await inject(
      'POST',
      '/v1/arrivals',
      TOKENS.officer,
      outcome(
        flight,
        'P1',
        {
          kind: 'removed',
          removedAt: new Date(at).toISOString(),
          returningCarrier: 'XY',
          cost: { amount: '1200.00', currency: 'USD' },
        },
        at,
      ),
    );
    expect(currency.statusCode).toBe(422);
    expect(currency.json().error).toBe('CURRENCY_NOT_JURISDICTION');

    const notOfficer = await inject(
      'POST',
      '/v1/arrivals',
      TOKENS.regulator,
      outcome(flight, 'P1', { kind: 'admitted' }, at),
    );
    expect(notOfficer.statusCode).toBe(403);
  });

  it('a repeat of the same outcome is idempotent; a rewrite under the same id is a conflict', async () => {
    const flight = await landedFlight(f, '102');
    const body = outcome(flight, 'P2', { kind: 'admitted' }, f.clock.t - DAY + HOUR);
    expect((await inject('POST', '/v1/arrivals', TOKENS.officer, body)).statusCode).toBe(201);
    expect((await inject('POST', '/v1/arrivals', TOKENS.officer, body)).statusCode).toBe(200);
    const rewrite = await inject('POST', '/v1/arrivals', TOKENS.officer, {
      ...body,
      kind: 'protection-claim',
    });
    expect(rewrite.statusCode).toBe(409);
  });
});

describe('detection and drafting', () => {
  it('a second refused entry after drafting joins the draft (re-drafted, version bumped)', async () => {
    const flight = await landedFlight(f, '103');
    const at = f.clock.t - DAY + HOUR;
    for (const body of [
      outcome(flight, 'P1', { kind: 'refused-entry', ground: 'no-valid-travel-document' }, at),
      outcome(flight, 'P2', { kind: 'refused-entry', ground: 'impostor' }, at),
    ])
      expect((await inject('POST', '/v1/arrivals', TOKENS.officer, body)).statusCode).toBe(201);
    const infs = await f.sanctions.repositories.infringements.forFlight(flight.flightKey);
    // Every traveller is marked boarded on this flight, so P3's no-board answer was ignored.
    expect(infs.map((i) => i.code).sort()).toEqual([
      'IMPROPERLY_DOCUMENTED_CARRIED',
      'IMPROPERLY_DOCUMENTED_CARRIED',
      'NO_BOARD_IGNORED',
    ]);
    // The second finding arrived after the first was drafted: it joins the draft.
    const c = await f.sanctions.repositories.cases.getByKey(`PG|flight|${flight.flightKey}`);
    expect(c?.infringementKeys).toHaveLength(3);
    expect(c?.history.map((h) => h.command)).toEqual(['draft', 'draft']);
    expect(c?.version).toBe(1);
    expect(await f.sanctions.repositories.cases.getByKey(`PG|flight|${flight.flightKey}#2`)).toBe(
      undefined,
    );
  });

  it('a finding after the notice gets a supplementary case, never joins the notified one', async () => {
    const { flight, caseId } = await refusedFlight('109');
    await move(caseId, TOKENS.regulator, { type: 'submit-for-review' });
    await move(caseId, TOKENS.regulator, { type: 'issue-notice' });
    const r = await inject(
      'POST',
      '/v1/arrivals',
      TOKENS.officer,
      outcome(
        flight,
        'P2',
        { kind: 'refused-entry', ground: 'no-valid-travel-document' },
        f.clock.t - DAY + 2 * HOUR,
      ),
    );
    expect(r.statusCode).toBe(201);
    const extra = await f.sanctions.repositories.cases.getByKey(`PG|flight|${flight.flightKey}#2`);
    expect(extra?.infringementKeys).toEqual([
      `IMPROPERLY_DOCUMENTED_CARRIED|${flight.flightKey}|${flight.travellerIds.P2}`,
    ]);
    // P2 boarded on an "OK to board" answer: recorded, and exempt in the computation.
    expect(JSON.stringify(extra)).toContain('OK_TO_BOARD_RELIED');
  });

  it('is idempotent: detecting again never duplicates findings or cases', async () => {
    const { flight } = await refusedFlight('104');
    const before = await f.sanctions.repositories.infringements.count({
      flightKey: flight.flightKey,
    });
    const casesBefore = (await f.sanctions.repositories.cases.list()).length;
    await f.sanctions.detection.detectFlight(flight.flightKey);
    await f.sanctions.detection.detectFlight(flight.flightKey);
    await f.sanctions.sweep();
    expect(
      await f.sanctions.repositories.infringements.count({ flightKey: flight.flightKey }),
    ).toBe(before);
    expect((await f.sanctions.repositories.cases.list()).length).toBe(casesBefore);
  });
});

describe('return obligation', () => {
  it('a return request not met by its due date becomes a finding at the next sweep', async () => {
    const { flight } = await refusedFlight('110');
    const notRefused = await inject('POST', '/v1/sanctions/return-requests', TOKENS.officer, {
      flightKey: flight.flightKey,
      travellerId: flight.travellerIds.P2,
      dueBy: new Date(f.clock.t + DAY).toISOString(),
    });
    expect(notRefused.statusCode).toBe(422);
    expect(notRefused.json().error).toBe('NOT_REFUSED_ENTRY');
    const ok = await inject('POST', '/v1/sanctions/return-requests', TOKENS.officer, {
      flightKey: flight.flightKey,
      travellerId: flight.travellerIds.P1,
      dueBy: new Date(f.clock.t + DAY).toISOString(),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const saved = f.clock.t;
    f.clock.t += 2 * DAY;
    try {
      await f.sanctions.sweep();
    } finally {
      f.clock.t = saved;
    }
    const infs = await f.sanctions.repositories.infringements.forFlight(flight.flightKey);
    const ret = infs.find((i) => i.code === 'RETURN_OBLIGATION_NOT_MET');
    expect(ret?.evidence).toContain(ok.json().id);
  });
});

describe('case workflow', () => {
  it('review → notice with evidence → carrier answer → decision; roles and isolation hold', async () => {
    const { caseId } = await refusedFlight('105');
    expect((await move(caseId, TOKENS.auditor, { type: 'submit-for-review' })).statusCode).toBe(
      403,
    );
    expect((await move(caseId, TOKENS.regulator, { type: 'submit-for-review' })).statusCode).toBe(
      200,
    );
    // Not visible to the carrier before the notice.
    const early = await f.app.inject({
      method: 'GET',
      url: `/v1/carrier/sanctions/cases/${caseId}`,
      headers: bearer(KEYS.PG),
    });
    expect(early.statusCode).toBe(404);
    const notice = await move(caseId, TOKENS.regulator, { type: 'issue-notice' });
    expect(notice.statusCode, notice.body).toBe(200);
    const view = (await inject('GET', `/v1/sanctions/cases/${caseId}`, TOKENS.auditor)).json<{
      evidence: { kind: string; sha256: string | null }[];
      events: unknown[];
    }>();
    expect(view.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['arrival-outcome', 'computation']),
    );
    expect(view.events).toHaveLength(3);

    const other = await f.app.inject({
      method: 'GET',
      url: `/v1/carrier/sanctions/cases/${caseId}`,
      headers: bearer(KEYS.XY),
    });
    expect(other.statusCode).toBe(404);
    const xyList = await f.app.inject({
      method: 'GET',
      url: '/v1/carrier/sanctions/cases',
      headers: bearer(KEYS.XY),
    });
    expect(xyList.json().cases).toEqual([]);
    const html = await f.app.inject({
      method: 'GET',
      url: `/v1/carrier/sanctions/cases/${caseId}/notice`,
      headers: bearer(KEYS.PG),
    });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('<html');

    const own = await f.app.inject({
      method: 'GET',
      url: `/v1/carrier/sanctions/cases/${caseId}`,
      headers: bearer(KEYS.PG),
    });
    const version = own.json<{ case: SanctionCase }>().case.version;
    const answer = await f.app.inject({
      method: 'POST',
      url: `/v1/carrier/sanctions/cases/${caseId}/answer`,
      headers: bearer(KEYS.PG),
      payload: {
        expectedVersion: version,
        text: 'The visa was checked by our agent.',
        attachments: [
          {
            fileName: 'log.pdf',
            mediaType: 'application/pdf',
            sizeBytes: 10,
            sha256: 'a'.repeat(64),
          },
        ],
      },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const decided = await move(caseId, TOKENS.supervisor, {
      type: 'decide',
      outcome: 'confirmed',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const full = (await inject('GET', `/v1/sanctions/cases/${caseId}`, TOKENS.regulator)).json<{
      case: SanctionCase;
      answers: { attachments: { sha256: string }[] }[];
    }>();
    expect(full.case.state).toBe('decided');
    expect(full.answers[0]!.attachments[0]!.sha256).toBe('a'.repeat(64));
    const csv = await inject('GET', '/v1/sanctions/register.csv', TOKENS.auditor);
    expect(csv.body).toContain(caseId);
    const audits = await f.sanctions.repositories.audit.list({ subjectId: caseId });
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'sanctions.case.drafted',
        'sanctions.case.viewed',
        'sanctions.case.issue-notice',
        'sanctions.case.record-answer',
        'sanctions.case.decide',
      ]),
    );
  });

  it('two concurrent transitions on one case: exactly one wins, the other gets 409', async () => {
    const { caseId } = await refusedFlight('106');
    const body = { type: 'submit-for-review', expectedVersion: 0, reason: 'race' };
    const results = await Promise.all(
      [TOKENS.regulator, TOKENS.regulator, TOKENS.regulator].map((t) =>
        inject('POST', `/v1/sanctions/cases/${caseId}/transitions`, t, body),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const events = await f.sanctions.repositories.cases.events(caseId);
    expect(events).toHaveLength(2);
  });

  it('an answer after the deadline is refused, before and after the sweep', async () => {
    const { caseId } = await refusedFlight('107');
    await move(caseId, TOKENS.regulator, { type: 'submit-for-review' });
    await move(caseId, TOKENS.regulator, { type: 'issue-notice' });
    const c = (await inject('GET', `/v1/sanctions/cases/${caseId}`, TOKENS.regulator)).json<{
      case: SanctionCase;
    }>().case;
    const saved = f.clock.t;
    f.clock.t = Date.parse(c.notice!.answerDueBy) + HOUR;
    try {
      const answer = () =>
        f.app.inject({
          method: 'POST',
          url: `/v1/carrier/sanctions/cases/${caseId}/answer`,
          headers: bearer(KEYS.PG),
          payload: { expectedVersion: c.version, text: 'late' },
        });
      const late = await answer();
      expect(late.statusCode).toBe(422);
      expect(late.json().error).toBe('ANSWER_AFTER_DEADLINE');
      expect(await f.sanctions.cases.sweepDeadlines()).toContain(caseId);
      const after = await answer();
      expect(after.statusCode).toBe(422);
      expect(after.json().error).toBe('ANSWER_AFTER_DEADLINE');
    } finally {
      f.clock.t = saved;
    }
  });

  it('transitions out of order are refused with the allowed ones named', async () => {
    const { caseId } = await refusedFlight('108');
    const r = await move(caseId, TOKENS.regulator, { type: 'close' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toBe('ILLEGAL_TRANSITION');
    expect(r.json().message).toContain('submit-for-review');
  });
});

describe('jurisdiction profiles', () => {
  it('are versioned: an edit is a new version, audited; a rewrite of a version is refused', async () => {
    const cur = await inject(
      'GET',
      '/v1/sanctions/jurisdictions/eu-2001-51-per-person',
      TOKENS.admin,
    );
    expect(cur.statusCode).toBe(200);
    const profile = { ...cur.json(), version: `${cur.json().version}-edit` };
    const post = (token: string, p: unknown) =>
      inject('POST', '/v1/sanctions/jurisdictions/eu-2001-51-per-person/versions', token, {
        reason: 'new schedule',
        profile: p,
      });
    expect((await post(TOKENS.officer, profile)).statusCode).toBe(403);
    expect((await post(TOKENS.admin, { ...profile, currency: 'XXXX' })).statusCode).toBe(422);
    expect((await post(TOKENS.admin, profile)).statusCode).toBe(201);
    expect((await post(TOKENS.regulator, profile)).statusCode).toBe(409);
    const list = await inject('GET', '/v1/sanctions/jurisdictions', TOKENS.auditor);
    expect(list.json().active.version).toBe(profile.version);
    const audit = await f.sanctions.repositories.audit.list({
      subjectType: 'jurisdiction-profile',
    });
    expect(audit[0]?.action).toBe('sanctions.profile.version-added');
  });
});

describe('embedded demo', () => {
  it('seeds one case in every state, reachable through the API, and is idempotent', async () => {
    const now = new Date(f.clock.t);
    const first = await f.sanctions.seedDemo({ now });
    const again = await f.sanctions.seedDemo({ now });
    expect(again).toEqual(first);
    for (const [state, id] of Object.entries(first)) {
      const r = await inject('GET', `/v1/sanctions/cases/${id}`, TOKENS.regulator);
      expect(r.json<{ case: SanctionCase }>().case.state).toBe(state);
    }
    // The open notice is still open after a sweep.
    await f.sanctions.sweep();
    const open = await inject(
      'GET',
      `/v1/sanctions/cases/${first['notice-issued']}`,
      TOKENS.regulator,
    );
    expect(open.json<{ case: SanctionCase }>().case.state).toBe('notice-issued');
    const card = await inject(
      'GET',
      `/v1/sanctions/scorecards/PG?from=${new Date(f.clock.t - 200 * DAY).toISOString()}&to=${now.toISOString()}`,
      TOKENS.regulator,
    );
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().sanctions.issued).toBeGreaterThan(0);
    const own = await f.app.inject({
      method: 'GET',
      url: `/v1/carrier/sanctions/scorecard?from=${new Date(f.clock.t - 200 * DAY).toISOString()}&to=${now.toISOString()}`,
      headers: bearer(KEYS.PG),
    });
    expect(own.json()).toMatchObject({ carrier: 'PG', flights: card.json().flights });
  });
});
