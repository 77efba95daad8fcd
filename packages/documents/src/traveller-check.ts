// The document-possession verdict for one traveller on one journey: orchestrates the document,
// authorisation and minors checks and never throws; unreadable input becomes a reason.
import type { Traveller, TravelDocument } from '@paxguard/domain';
import { parseIsoDate } from './calendar-date.ts';
import { checkMinors, checkTravellerFields } from './traveller-field-checks.ts';
import { checkAuthorisations } from './authorisation-checks.ts';
import {
  acceptance,
  checkIntegrity,
  checkValidity,
  type DocumentContext,
  type HolderFacts,
} from './document-checks.ts';
import type { Journey } from './journey.ts';
import type { LostStolenLookup } from './lost-stolen-index.ts';
import { reason } from './reason-builder.ts';
import {
  ruleInForce,
  versionFor,
  type DestinationProfile,
  type EntryReference,
} from './reference-data.ts';
import { lookupStateCode } from './state-codes.ts';
import type { TravelAuthorisationLookup } from './travel-authorisation-registry.ts';
import type { DocumentVerdict, Reason } from './verdict-types.ts';
import { matrixRequirement } from './visa-matrix.ts';

export interface CheckInput {
  traveller: Traveller;
  journey: Journey;
}

export interface CheckContext {
  reference: EntryReference;
  /** Issued visas and ETAs; without it a manifest visa is taken at face value and ETAs cannot be confirmed. */
  authorisations?: TravelAuthorisationLookup;
  lostStolen?: LostStolenLookup;
}

const EMPTY_PROFILE: DestinationProfile = {
  validity: [],
  accepted: [],
  authorisations: [],
  transit: [],
  crew: [],
  minors: [],
};

function verdictOf(
  reasons: Reason[],
  version: string,
  destination: string,
  documentIndex?: number,
  nationality?: string,
): DocumentVerdict {
  let fail = false;
  let unsure = false;
  for (const r of reasons) {
    if (r.outcome === 'fail') fail = true;
    else if (r.outcome === 'cannot-decide') unsure = true;
  }
  const decision = fail ? 'fail' : unsure ? 'cannot-decide' : 'ok';
  return {
    ok: decision === 'ok',
    decision,
    reasons,
    referenceVersion: version,
    destination,
    documentIndex,
    nationality,
  };
}

function airsideAllowed(profile: DestinationProfile, day: number): boolean {
  for (const r of profile.transit) if (ruleInForce(r, day)) return r.rule.airsideWithoutVisa;
  return false;
}

function countFails(rs: readonly Reason[]): number {
  let n = 0;
  for (const r of rs) n += r.outcome === 'fail' ? 100 : r.outcome === 'cannot-decide' ? 1 : 0;
  return n;
}

/** Decides whether the traveller holds what the destination requires. Never throws. */
export function checkTraveller(input: CheckInput, context: CheckContext): DocumentVerdict {
  try {
    return check(input, context);
  } catch (e) {
    const version = context?.reference?.versions?.[0]?.version ?? 'none';
    return verdictOf(
      [
        reason(
          'INSUFFICIENT_DATA',
          `The traveller could not be checked: ${(e as Error)?.message ?? 'unreadable input'}.`,
          'baseline.input',
          true,
        ),
      ],
      version,
      String(input?.journey?.destination ?? ''),
    );
  }
}

function check({ traveller, journey }: CheckInput, ctx: CheckContext): DocumentVerdict {
  const latest = ctx.reference.versions[0]?.version ?? 'none';
  const destInfo = lookupStateCode(journey.destination);
  if (!destInfo) {
    return verdictOf(
      [
        reason(
          'STATE_CODE_INVALID',
          `Destination "${journey.destination}" is not an ICAO state code.`,
          'baseline.state-codes',
          true,
          'journey.destination',
        ),
      ],
      latest,
      journey.destination,
    );
  }
  const arrival = parseIsoDate(journey.arrivalDate);
  if (arrival === null) {
    return verdictOf(
      [
        reason(
          'DATE_INVALID',
          `Arrival date ${journey.arrivalDate} is not a calendar date.`,
          'baseline.dates',
          true,
          'journey.arrivalDate',
        ),
      ],
      latest,
      journey.destination,
    );
  }
  const version = versionFor(ctx.reference, arrival);
  if (!version) {
    return verdictOf(
      [
        reason(
          'REFERENCE_DATA_MISSING',
          `No entry-rules version is in force on ${journey.arrivalDate}.`,
          'baseline.reference-data',
          true,
          'journey.arrivalDate',
        ),
      ],
      latest,
      journey.destination,
    );
  }
  const destination = destInfo.country ?? journey.destination;
  const profile = version.destinations.get(destination) ?? EMPTY_PROFILE;
  const crew = traveller.role === 'crew' || traveller.role === 'transit-crew';
  const transit =
    journey.transit || traveller.role === 'transit-passenger' || traveller.role === 'transit-crew';
  const out: Reason[] = [];

  const { departure, birth } = checkTravellerFields(traveller, journey, arrival, out);

  const documents: readonly TravelDocument[] = traveller.documents ?? [];
  const entryDocs: number[] = [];
  for (let i = 0; i < documents.length; i++) {
    const d = documents[i] as TravelDocument;
    if (!version.visaTypes.has(d.type) && !version.etaTypes.has(d.type)) entryDocs.push(i);
  }
  if (entryDocs.length === 0) {
    out.push(
      reason(
        'DOC_MISSING',
        'The traveller holds no travel document (passport, identity card or crew certificate) in the manifest.',
        'baseline.document-required',
        true,
        'traveller.documents',
      ),
    );
    return verdictOf(out, version.version, journey.destination);
  }

  const dc: DocumentContext = {
    version,
    profile,
    arrival,
    departure,
    crew,
    airsideTransit: transit && airsideAllowed(profile, arrival),
    destination,
    lostStolen: ctx.lostStolen,
  };
  // Dual nationals may carry several documents: judge each, keep the best, but never hide a lost/stolen hit.
  let best:
    | { i: number; reasons: Reason[]; holder: HolderFacts; code: string | undefined; score: number }
    | undefined;
  let otherHits: Reason[] | undefined; // allocated only for a second document's lost/stolen hit
  for (const i of entryDocs) {
    const doc = documents[i] as TravelDocument;
    const rs: Reason[] = [];
    const code =
      doc.holderNationality ??
      traveller.nationality ??
      (version.passportTypes.has(doc.type) ? doc.issuingState : undefined);
    const country = code === undefined ? null : (lookupStateCode(code)?.country ?? null);
    const holder: HolderFacts = {
      country,
      matrix:
        country === null ? undefined : matrixRequirement(version.matrix, country, destination),
    };
    const expiry = checkIntegrity(doc, i, traveller, dc, rs);
    if (
      entryDocs.length === 1 &&
      doc.holderNationality &&
      traveller.nationality &&
      lookupStateCode(doc.holderNationality)?.country !==
        lookupStateCode(traveller.nationality)?.country
    ) {
      rs.push(
        reason(
          'FIELDS_CONTRADICTORY',
          `The traveller's nationality ${traveller.nationality} differs from the nationality ${doc.holderNationality} on the only document.`,
          'baseline.nationality',
          true,
          `documents[${i}].holderNationality`,
        ),
      );
    }
    const acc = acceptance(doc, holder, dc);
    if (!acc.accepted && holder.country === null) {
      // Identity cards and the like are accepted by nationality: without one there is no answer.
      rs.push(
        reason(
          'INSUFFICIENT_DATA',
          `Whether ${destination} accepts a document of type ${doc.type} depends on the holder's nationality, which is unknown.`,
          acc.ruleId,
          acc.confirmed,
          `documents[${i}].type`,
        ),
      );
    } else if (!acc.accepted) {
      rs.push(
        reason(
          'DOC_TYPE_NOT_ACCEPTED',
          `${destination} does not accept a document of type ${doc.type} from ${code ?? 'this'} nationals${crew ? ' or crew' : ''}.`,
          acc.ruleId,
          acc.confirmed,
          `documents[${i}].type`,
        ),
      );
    }
    checkValidity(doc, i, holder, dc, rs, expiry);
    const score = countFails(rs);
    if (!best || score < best.score) {
      if (best)
        for (const r of best.reasons) if (r.code === 'DOC_LOST_STOLEN') (otherHits ??= []).push(r);
      best = { i, reasons: rs, holder, code, score };
    } else {
      for (const r of rs) if (r.code === 'DOC_LOST_STOLEN') (otherHits ??= []).push(r);
    }
  }
  if (!best) return verdictOf(out, version.version, journey.destination);
  for (const r of best.reasons) out.push(r);
  if (otherHits) for (const r of otherHits) out.push(r);
  const doc = documents[best.i] as TravelDocument;
  let nationality: string | undefined;

  if (best.code === undefined) {
    out.push(
      reason(
        'INSUFFICIENT_DATA',
        'The traveller has no nationality in the manifest, so visa requirements cannot be checked.',
        'baseline.nationality',
        true,
        'traveller.nationality',
      ),
    );
  } else if (best.holder.country === null) {
    const known = lookupStateCode(best.code);
    if (known) {
      out.push(
        reason(
          'NO_VISA_RULE',
          `Visa requirements for ${known.label ?? best.code} (${best.code}) documents are not in the visa matrix; a person must check them.`,
          'visa-matrix',
          true,
          'traveller.nationality',
        ),
      );
    }
  } else {
    nationality = best.holder.country;
    checkAuthorisations(
      {
        version,
        profile,
        arrival,
        destination,
        transit,
        crew,
        registry: ctx.authorisations,
        documents,
        document: doc,
        nationalityCode: best.code,
        country: best.holder.country,
        matrix: best.holder.matrix,
      },
      out,
    );
  }
  if (typeof birth === 'number') checkMinors(profile, birth, arrival, out);
  return verdictOf(out, version.version, journey.destination, best.i, nationality);
}
