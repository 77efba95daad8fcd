// Checks on one entry document: that its codes, dates and number are readable, that the
// destination accepts it, that it is valid long enough, its MRZ, and the lost/stolen list.
import type { Traveller, TravelDocument } from '@paxguard/domain';
import { addMonths, formatDay, parseIsoDate } from './calendar-date.ts';
import { hasForeignCharacters, normaliseDocumentNumber } from './document-number.ts';
import type { LostStolenLookup } from './lost-stolen-index.ts';
import { crossCheckMrz } from './mrz-cross-check.ts';
import { readMrz } from './mrz-reader.ts';
import type { DestinationProfile, ReferenceVersion } from './reference-data.ts';
import { ruleInForce, selects } from './reference-data.ts';
import { reason } from './reason-builder.ts';
import { lookupStateCode } from './state-codes.ts';
import type { Reason } from './verdict-types.ts';
import type { MatrixRequirement } from './visa-matrix.ts';

export interface DocumentContext {
  version: ReferenceVersion;
  profile: DestinationProfile;
  arrival: number;
  /** Intended departure day, or null. */
  departure: number | null;
  crew: boolean;
  /** Airside transit where the destination allows it: entry validity minimums do not apply. */
  airsideTransit: boolean;
  destination: string;
  lostStolen: LostStolenLookup | undefined;
}

export interface HolderFacts {
  /** The nationality as its matrix country, or null when unknown. */
  country: string | null;
  matrix: MatrixRequirement | undefined;
}

const BASE = 'baseline';

// Paths and messages are built only on the failure branches: closures for laziness would cost
// more than they save (esbuild's keepNames wraps every closure creation in a defineProperty).

/** Readability and integrity: codes, number, dates, MRZ, lost/stolen. */
export function checkIntegrity(
  doc: TravelDocument,
  i: number,
  traveller: Traveller,
  c: DocumentContext,
  out: Reason[],
): number | null {
  const issuerKnown =
    doc.issuingState !== undefined && lookupStateCode(doc.issuingState) !== undefined;
  if (doc.issuingState === undefined) {
    out.push(
      reason(
        'INSUFFICIENT_DATA',
        `Document ${i + 1} has no issuing State, so it cannot be checked against the lost and stolen list.`,
        `${BASE}.issuing-state`,
        true,
        `documents[${i}].issuingState`,
      ),
    );
  } else if (!issuerKnown) {
    out.push(
      reason(
        'STATE_CODE_INVALID',
        `Issuing State "${doc.issuingState}" of document ${i + 1} is not an ICAO state code.`,
        `${BASE}.state-codes`,
        true,
        `documents[${i}].issuingState`,
      ),
    );
  }
  if (doc.holderNationality !== undefined && !lookupStateCode(doc.holderNationality)) {
    out.push(
      reason(
        'STATE_CODE_INVALID',
        `Nationality "${doc.holderNationality}" on document ${i + 1} is not an ICAO state code.`,
        `${BASE}.state-codes`,
        true,
        `documents[${i}].holderNationality`,
      ),
    );
  }
  const normalised = normaliseDocumentNumber(doc.number);
  const min = c.version.rules.baseline.minDocumentNumberLength;
  if (normalised.length < min || normalised.length > 20 || hasForeignCharacters(doc.number)) {
    out.push(
      reason(
        'DOC_NUMBER_INVALID',
        `Document number "${doc.number}" looks truncated or malformed (expected ${min} to 20 letters and digits).`,
        `${BASE}.document-number`,
        true,
        `documents[${i}].number`,
      ),
    );
  }
  const expiry = doc.expiryDate === undefined ? undefined : parseIsoDate(doc.expiryDate);
  if (doc.expiryDate === undefined) {
    out.push(
      reason(
        'INSUFFICIENT_DATA',
        `Document ${i + 1} has no expiry date.`,
        `${BASE}.valid-on-arrival`,
        true,
        `documents[${i}].expiryDate`,
      ),
    );
  } else if (expiry === null) {
    out.push(
      reason(
        'DATE_INVALID',
        `Expiry date ${doc.expiryDate} of document ${i + 1} is not a calendar date.`,
        `${BASE}.dates`,
        true,
        `documents[${i}].expiryDate`,
      ),
    );
  }
  if (doc.issueDate !== undefined) {
    const issued = parseIsoDate(doc.issueDate);
    if (issued === null) {
      out.push(
        reason(
          'DATE_INVALID',
          `Issue date ${doc.issueDate} of document ${i + 1} is not a calendar date.`,
          `${BASE}.dates`,
          true,
          `documents[${i}].issueDate`,
        ),
      );
    } else if ((typeof expiry === 'number' && issued > expiry) || issued > c.arrival) {
      out.push(
        reason(
          'FIELDS_CONTRADICTORY',
          `Document ${i + 1} is issued on ${doc.issueDate}, after its expiry or after the arrival.`,
          `${BASE}.dates`,
          true,
          `documents[${i}].issueDate`,
        ),
      );
    }
  }
  if (doc.mrz && doc.mrz.length > 0) checkMrz(doc, i, traveller, out);
  if (c.lostStolen && issuerKnown && doc.issuingState !== undefined && normalised.length >= 3) {
    const hit = c.lostStolen.lookup(doc.issuingState, doc.number);
    if (hit) {
      out.push(
        reason(
          'DOC_LOST_STOLEN',
          `Document ${doc.number} issued by ${doc.issuingState} is reported ${hit.status} (reported ${hit.reportedDate}).`,
          `lost-stolen@${hit.listVersion}`,
          true,
          `documents[${i}].number`,
          {
            status: hit.status,
            issuingState: hit.issuingState,
            reportedDate: hit.reportedDate,
            normalisedNumber: hit.normalisedNumber,
            listVersion: hit.listVersion,
          },
        ),
      );
    }
  }
  return expiry ?? null;
}

function checkMrz(doc: TravelDocument, i: number, traveller: Traveller, out: Reason[]): void {
  const at = `documents[${i}].mrz`;
  const read = readMrz(doc.mrz ?? []);
  if (!read.ok) {
    out.push(
      reason(
        'MRZ_UNREADABLE',
        `The MRZ of document ${i + 1} cannot be read: ${read.message}.`,
        `${BASE}.mrz`,
        true,
        at,
      ),
    );
    return;
  }
  for (const f of read.checkDigitFailures) {
    out.push(
      reason(
        'MRZ_CHECK_DIGIT',
        `MRZ check digit wrong on document ${i + 1}: ${f.label} (${f.message}).`,
        'icao-9303.check-digit',
        true,
        at,
        { field: f.field },
      ),
    );
  }
  const mismatches = crossCheckMrz(read.data, doc, traveller);
  if (mismatches.length > 0) {
    const list = mismatches
      .map((m) => `${m.field} (MRZ ${m.mrz}, manifest ${m.manifest})`)
      .join(', ');
    out.push(
      reason(
        'MRZ_MISMATCH',
        `The MRZ of document ${i + 1} disagrees with the manifest on ${list}.`,
        `${BASE}.mrz-cross-check`,
        true,
        at,
        { mismatches },
      ),
    );
  }
}

/** Whether the destination accepts this document type from this holder; the deciding rule. */
export function acceptance(
  doc: TravelDocument,
  holder: HolderFacts,
  c: DocumentContext,
): { accepted: boolean; ruleId: string; confirmed: boolean } {
  const v = c.version;
  if (v.passportTypes.has(doc.type))
    return { accepted: true, ruleId: `${BASE}.passport`, confirmed: true };
  if (c.crew && v.crewCertificateTypes.has(doc.type)) {
    for (const r of c.profile.crew) {
      if (ruleInForce(r, c.arrival) && r.rule.crewCertificateAccepted)
        return { accepted: true, ruleId: r.rule.id, confirmed: r.rule.confirmed };
    }
  }
  if (holder.country !== null) {
    for (const r of c.profile.accepted) {
      if (
        ruleInForce(r, c.arrival) &&
        r.rule.documentTypes.includes(doc.type) &&
        selects(r.holders, holder.country, holder.matrix)
      ) {
        return { accepted: true, ruleId: r.rule.id, confirmed: r.rule.confirmed };
      }
    }
  }
  return { accepted: false, ruleId: `${BASE}.accepted-documents`, confirmed: true };
}

/** Expiry against arrival, then the destination's minimum validity and issue-age rules. */
export function checkValidity(
  doc: TravelDocument,
  i: number,
  holder: HolderFacts,
  c: DocumentContext,
  out: Reason[],
  expiry: number | null,
): void {
  if (expiry === null) return; // already reported by checkIntegrity
  if (expiry < c.arrival) {
    out.push(
      reason(
        'DOC_EXPIRED',
        `Document ${doc.number} expired on ${doc.expiryDate}, before the arrival on ${formatDay(c.arrival)}.`,
        `${BASE}.valid-on-arrival`,
        true,
        `documents[${i}].expiryDate`,
      ),
    );
    return;
  }
  // A State admits its own nationals whatever the remaining validity (ICCPR Art. 12(4)).
  if (holder.country === null || holder.country === c.destination || c.airsideTransit) return;
  for (const r of c.profile.validity) {
    if (!ruleInForce(r, c.arrival) || !selects(r.holders, holder.country, holder.matrix)) continue;
    const rule = r.rule;
    const base = rule.from === 'departure' && c.departure !== null ? c.departure : c.arrival;
    const needed = addMonths(base, rule.minMonthsBeyond);
    if (expiry < needed) {
      out.push(
        reason(
          'DOC_VALIDITY_TOO_SHORT',
          `${c.destination} requires the document to be valid ${rule.minMonthsBeyond} month(s) beyond ${rule.from === 'departure' && c.departure !== null ? 'departure' : 'arrival'} (until ${formatDay(needed)}); it expires on ${doc.expiryDate}.`,
          rule.id,
          rule.confirmed,
          `documents[${i}].expiryDate`,
        ),
      );
    } else if (
      rule.from === 'departure' &&
      c.departure === null &&
      rule.maxStayDays !== undefined
    ) {
      const longest = addMonths(c.arrival + rule.maxStayDays, rule.minMonthsBeyond);
      if (expiry < longest) {
        const latest = formatDay(addMonths(expiry, -rule.minMonthsBeyond));
        out.push(
          reason(
            'VALIDITY_DEPENDS_ON_STAY',
            `The document allows a departure from ${c.destination} no later than ${latest} (${rule.minMonthsBeyond} month(s) before expiry); the departure date is not known.`,
            rule.id,
            rule.confirmed,
            `documents[${i}].expiryDate`,
          ),
        );
      }
    }
    if (rule.maxIssueAgeYears !== undefined && doc.issueDate !== undefined) {
      const issued = parseIsoDate(doc.issueDate);
      if (issued !== null && c.arrival > addMonths(issued, rule.maxIssueAgeYears * 12)) {
        out.push(
          reason(
            'DOC_ISSUED_TOO_LONG_AGO',
            `${c.destination} requires a document issued within the previous ${rule.maxIssueAgeYears} years; this one was issued on ${doc.issueDate}.`,
            rule.id,
            rule.confirmed,
            `documents[${i}].issueDate`,
          ),
        );
      }
    }
  }
}
