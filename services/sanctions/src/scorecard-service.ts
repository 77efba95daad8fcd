// Carrier scorecards from the stores (flights, lists, answers, outcomes, cases), and the
// performance tier a carrier's last twelve months earn where the profile has tiers (Canada's MOU).
import type { CaseRepository, FlightFactsRepository, OutcomeRepository } from '@paxguard/db';
import {
  SanctionCase,
  buildScorecard,
  parseCarrierFacts,
  performanceTier,
  type ArrivalOutcome,
  type CarrierFacts,
  type JurisdictionProfile,
  type Scorecard,
} from '@paxguard/sanctions';

const YEAR_MS = 365 * 24 * 3_600_000;

export function createScorecardService(deps: {
  facts: FlightFactsRepository;
  outcomes: OutcomeRepository;
  cases: CaseRepository;
}) {
  async function flightsOf(carrier: string, from: Date, to: Date): Promise<CarrierFacts[]> {
    const flights: CarrierFacts[] = [];
    for (const k of await deps.facts.flightKeysForCarrier(carrier, from, to)) {
      const loaded = await deps.facts.load(k);
      if (!loaded.ok) continue;
      const outcomes = (await deps.outcomes.listForFlight(k)).map(
        (r) => r.outcome as unknown as ArrivalOutcome,
      );
      const parsed = parseCarrierFacts(loaded.facts, outcomes);
      if (parsed.ok) flights.push(parsed.value);
    }
    return flights;
  }

  async function scorecard(
    carrier: string,
    period: { from: string; to: string },
    profile: JurisdictionProfile,
    asOf: Date,
  ): Promise<Scorecard> {
    const flights = await flightsOf(carrier, new Date(period.from), new Date(period.to));
    const cases = (await deps.cases.list({ carrier, limit: 5000 })).map((c) =>
      SanctionCase.parse(c),
    );
    return buildScorecard({ carrier, period, flights, cases, profile, asOf });
  }

  return {
    scorecard,
    /** The tier the carrier's twelve months before `at` earn; undefined without tiers. */
    async tierFor(
      carrier: string,
      profile: JurisdictionProfile,
      at: Date,
    ): Promise<string | undefined> {
      if (!profile.performanceTiers) return undefined;
      const period = {
        from: new Date(at.getTime() - YEAR_MS).toISOString(),
        to: at.toISOString(),
      };
      return performanceTier(await scorecard(carrier, period, profile, at), profile)?.id;
    },
  };
}
export type ScorecardService = ReturnType<typeof createScorecardService>;
