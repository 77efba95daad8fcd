// Visa and travel-authorisation checks: what the matrix and the rules require of this
// nationality at this destination, and whether the manifest or the registry shows it is held.
import type { TravelDocument } from '@paxguard/domain';
import { formatDay, parseIsoDate } from './calendar-date.ts';
import { normaliseDocumentNumber } from './document-number.ts';
import { keyCountry } from './lost-stolen-index.ts';
import type { DestinationProfile, ReferenceVersion } from './reference-data.ts';
import { ruleInForce, selects } from './reference-data.ts';
import { reason } from './reason-builder.ts';
import type {
  TravelAuthorisation,
  TravelAuthorisationLookup,
} from './travel-authorisation-registry.ts';
import type { Reason } from './verdict-types.ts';
import type { MatrixRequirement } from './visa-matrix.ts';

export interface AuthorisationContext {
  version: ReferenceVersion;
  profile: DestinationProfile;
  arrival: number;
  /** Destination as its country code. */
  destination: string;
  transit: boolean;
  crew: boolean;
  registry: TravelAuthorisationLookup | undefined;
  documents: readonly TravelDocument[];
  /** The entry document the verdict is about, and the nationality code as sent. */
  document: TravelDocument;
  nationalityCode: string;
  country: string;
  matrix: MatrixRequirement | undefined;
}

const MATRIX = 'visa-matrix';
const NONE: readonly TravelAuthorisation[] = [];

function usableOn(
  a: TravelAuthorisation,
  day: number,
  destination: string,
  transit: boolean,
): boolean {
  if (a.revoked || (a.transitOnly && !transit)) return false;
  const from = parseIsoDate(a.validFrom);
  const until = parseIsoDate(a.validUntil);
  if (from === null || until === null || day < from || day > until) return false;
  if (a.entriesAllowed !== null && a.entriesUsed >= a.entriesAllowed) return false;
  // Most records list ISO codes: try the exact code before mapping ICAO-only ones (D → DEU).
  if (a.validFor.includes(destination)) return true;
  for (const s of a.validFor) if (keyCountry(s) === destination) return true;
  return false;
}

/**
 * A visa or ETA requirement met? Manifest documents of the given types are checked for expiry
 * and, when a registry is present, must be found in it; otherwise the registry alone decides.
 */
function checkHeld(
  kind: 'visa' | 'eta',
  name: string,
  ruleId: string,
  confirmed: boolean,
  c: AuthorisationContext,
  out: Reason[],
): void {
  const types = kind === 'visa' ? c.version.visaTypes : c.version.etaTypes;
  // Only the first carried authorisation of the kind is judged: manifests carry one.
  let i = -1;
  for (let k = 0; k < c.documents.length; k++) {
    if (types.has((c.documents[k] as TravelDocument).type)) {
      i = k;
      break;
    }
  }
  const registered = c.registry ? c.registry.find(c.document.number, c.nationalityCode) : NONE;
  if (i >= 0) {
    const d = c.documents[i] as TravelDocument;
    const expiry = d.expiryDate === undefined ? null : parseIsoDate(d.expiryDate);
    if (expiry !== null && expiry < c.arrival) {
      out.push(
        reason(
          'VISA_NOT_VALID_ON_ARRIVAL',
          `The ${name} ${d.number} in the manifest expired on ${d.expiryDate}, before the arrival on ${formatDay(c.arrival)}.`,
          ruleId,
          confirmed,
          `documents[${i}].expiryDate`,
        ),
      );
      return;
    }
    if (!c.registry) return; // carried and unexpired: the manifest is the only evidence
    const wanted = normaliseDocumentNumber(d.number);
    let found = false;
    let usable = false;
    for (const a of registered) {
      if (a.kind !== kind || normaliseDocumentNumber(a.number) !== wanted) continue;
      found = true;
      if (usableOn(a, c.arrival, c.destination, c.transit)) usable = true;
    }
    if (usable) return;
    out.push(
      found
        ? reason(
            'VISA_NOT_VALID_ON_ARRIVAL',
            `The ${name} ${d.number} is registered but not usable for ${c.destination} on ${formatDay(c.arrival)} (dates, entries, territory or revoked).`,
            ruleId,
            confirmed,
            `documents[${i}]`,
          )
        : reason(
            'AUTHORISATION_NOT_IN_REGISTRY',
            `The ${name} ${d.number} in the manifest is not in the registry of issued authorisations.`,
            ruleId,
            confirmed,
            `documents[${i}].number`,
          ),
    );
    return;
  }
  let anyOfKind = false;
  for (const a of registered) {
    if (a.kind !== kind) continue;
    if (usableOn(a, c.arrival, c.destination, c.transit)) return;
    anyOfKind = true;
  }
  if (anyOfKind) {
    out.push(
      reason(
        'VISA_NOT_VALID_ON_ARRIVAL',
        `The ${name} registered for document ${c.document.number} is not usable for ${c.destination} on ${formatDay(c.arrival)}.`,
        ruleId,
        confirmed,
        'documents',
      ),
    );
  } else if (kind === 'visa') {
    out.push(
      reason(
        'VISA_REQUIRED',
        `${c.nationalityCode} nationals need a visa for ${c.destination}; none is in the manifest or the registry.`,
        ruleId,
        confirmed,
        'documents',
      ),
    );
  } else if (c.registry) {
    out.push(
      reason(
        'ETA_REQUIRED',
        `${c.nationalityCode} nationals need an ${name} for ${c.destination}; none is registered for document ${c.document.number}.`,
        ruleId,
        confirmed,
        'documents',
      ),
    );
  } else {
    out.push(
      reason(
        'INSUFFICIENT_DATA',
        `${c.nationalityCode} nationals need an ${name} for ${c.destination}, and no authorisation registry was available to confirm it.`,
        ruleId,
        confirmed,
        'documents',
      ),
    );
  }
}

/** Visa, transit visa and travel-authorisation requirements for the chosen document. */
export function checkAuthorisations(c: AuthorisationContext, out: Reason[]): void {
  if (c.crew) {
    for (const r of c.profile.crew) {
      if (ruleInForce(r, c.arrival) && r.rule.visaWaivedOnDuty) return;
    }
  }
  if (c.country === c.destination) return;
  const req = c.matrix;
  if (req === undefined) {
    out.push(
      reason(
        'NO_VISA_RULE',
        `The visa matrix has no entry for ${c.nationalityCode} nationals travelling to ${c.destination}.`,
        MATRIX,
        true,
        'traveller.nationality',
      ),
    );
    return;
  }
  if (req.kind === 'own-country') return;
  if (req.kind === 'no-admission') {
    out.push(
      reason(
        'NO_ADMISSION',
        `${c.destination} does not admit ${c.nationalityCode} passport holders.`,
        MATRIX,
        true,
        'traveller.nationality',
      ),
    );
    return;
  }
  if (c.transit) {
    let transit: DestinationProfile['transit'][number] | undefined;
    for (const r of c.profile.transit) {
      if (ruleInForce(r, c.arrival)) {
        transit = r;
        break;
      }
    }
    if (!transit) {
      out.push(
        reason(
          'TRANSIT_RULE_UNKNOWN',
          `No transit rule is recorded for ${c.destination}; the traveller is checked as if entering.`,
          'baseline.transit',
          true,
        ),
      );
    } else if (transit.rule.airsideWithoutVisa) {
      if (selects(transit.airportTransitVisa, c.country, req)) {
        const before = out.length;
        checkHeld('visa', 'airport transit visa', transit.rule.id, transit.rule.confirmed, c, out);
        const last = out[out.length - 1];
        if (out.length > before && last?.code === 'VISA_REQUIRED') {
          out[out.length - 1] = reason(
            'TRANSIT_VISA_REQUIRED',
            `${c.nationalityCode} nationals need an airport transit visa to transit ${c.destination}; none is in the manifest or the registry.`,
            transit.rule.id,
            transit.rule.confirmed,
            'documents',
          );
        }
      }
      for (const r of c.profile.authorisations) {
        if (r.rule.requiredInTransit && applies(r, c, req))
          checkHeld('eta', r.rule.name, r.rule.id, r.rule.confirmed, c, out);
      }
      return;
    }
  }
  if (req.kind === 'visa-required' || req.kind === 'e-visa') {
    checkHeld('visa', req.kind === 'e-visa' ? 'e-visa' : 'visa', MATRIX, true, c, out);
    return;
  }
  if (req.kind === 'eta') {
    // The matrix says an ETA is needed; a rule, when present, names it.
    let named: DestinationProfile['authorisations'][number] | undefined;
    for (const r of c.profile.authorisations) {
      if (applies(r, c, req)) {
        named = r;
        break;
      }
    }
    checkHeld(
      'eta',
      named?.rule.name ?? 'electronic travel authorisation',
      named?.rule.id ?? MATRIX,
      true,
      c,
      out,
    );
    return;
  }
  for (const r of c.profile.authorisations) {
    if (applies(r, c, req)) checkHeld('eta', r.rule.name, r.rule.id, r.rule.confirmed, c, out);
  }
}

function applies(
  r: DestinationProfile['authorisations'][number],
  c: AuthorisationContext,
  req: MatrixRequirement,
): boolean {
  return ruleInForce(r, c.arrival) && selects(r.holders, c.country, req);
}
