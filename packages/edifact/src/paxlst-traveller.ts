// PAXLST group 4/5: one traveller (NAD FL/FM/DDU/DDT and what follows) and their
// documents (DOC with its DTM/LOC), read segment by segment into the domain Traveller.
import type { Sex, TravelDocument, Traveller, TravellerRole } from '@paxguard/domain';
import type { IssueSink } from './codec-issues.ts';
import { parseEdifactDate } from './edifact-dates.ts';
import { codeKey, type SegmentScanner } from './segment-scanner.ts';
import { airportCode, expandBagTags, stateCode, where, type DecodeCache } from './code-readers.ts';

export const TAG = {
  NAD: codeKey('NAD'),
  ATT: codeKey('ATT'),
  DTM: codeKey('DTM'),
  MEA: codeKey('MEA'),
  GEI: codeKey('GEI'),
  FTX: codeKey('FTX'),
  LOC: codeKey('LOC'),
  COM: codeKey('COM'),
  EMP: codeKey('EMP'),
  NAT: codeKey('NAT'),
  RFF: codeKey('RFF'),
  DOC: codeKey('DOC'),
  CNT: codeKey('CNT'),
  BGM: codeKey('BGM'),
  TDT: codeKey('TDT'),
  QTY: codeKey('QTY'),
};

const K = {
  FL: codeKey('FL'),
  FM: codeKey('FM'),
  DDU: codeKey('DDU'),
  DDT: codeKey('DDT'),
  MS: codeKey('MS'),
  d329: codeKey('329'),
  d36: codeKey('36'),
  d182: codeKey('182'),
  l174: codeKey('174'),
  l178: codeKey('178'),
  l179: codeKey('179'),
  l180: codeKey('180'),
  l22: codeKey('22'),
  l91: codeKey('91'),
  AVF: codeKey('AVF'),
  ABO: codeKey('ABO'),
  SEA: codeKey('SEA'),
  TN: codeKey('TN'),
  AEA: codeKey('AEA'),
  CR: codeKey('CR'),
  TE: codeKey('TE'),
  EM: codeKey('EM'),
  CT: codeKey('CT'),
  WT: codeKey('WT'),
  BAG: codeKey('BAG'),
  g173: codeKey('173'),
  g174: codeKey('174'),
};

export const ROLE_BY_QUALIFIER = new Map<number, TravellerRole>([
  [K.FL, 'passenger'],
  [K.FM, 'crew'],
  [K.DDU, 'transit-passenger'],
  [K.DDT, 'transit-crew'],
]);

function dateOf(
  s: SegmentScanner,
  referenceYear: number,
  kind: 'birth' | 'other',
): string | undefined {
  const fast = s.isoDate(1, 2, referenceYear, kind);
  if (fast !== undefined) return fast.length > 10 ? fast.slice(0, 10) : fast;
  return parseEdifactDate(s.value(1, 2), referenceYear, kind)?.date;
}

export function newTraveller(s: SegmentScanner, sink: IssueSink, role: TravellerRole): Traveller {
  const surname = s.value(4, 1).trim();
  // Exact-size arrays: a manifest holds many travellers, and pushing into [] reserves 16 slots.
  const n = s.componentCount(4);
  let given: string[];
  if (n <= 1) given = [];
  else if (n === 2) {
    const g = s.value(4, 2).trim();
    given = g ? [g] : [];
  } else {
    given = [];
    for (let c = 2; c <= n; c++) {
      const g = s.value(4, c).trim();
      if (g) given.push(g);
    }
  }

  if (!surname)
    sink.error('NAME_MISSING', 'NAD has no surname (element 4, component 1).', where(s, 4, 1));
  const t = makeTraveller(role, surname || '?', given);
  if (s.elementCount >= 5) {
    t.address = makeAddress(
      s.value(5, 1),
      s.value(6, 1),
      s.value(7, 1),
      s.value(8, 1),
      s.value(9, 1),
    );
  }
  return t;
}

/** The one place a Traveller is built, so both decode paths give objects of one shape. */
export function makeTraveller(role: TravellerRole, surname: string, given: string[]): Traveller {
  return {
    role,
    name: { surname, given },
    sex: undefined,
    birthDate: undefined,
    nationality: undefined,
    residenceCountry: undefined,
    placeOfBirth: undefined,
    address: undefined,
    contacts: undefined,
    embarkation: undefined,
    debarkation: undefined,
    verified: undefined,
    references: {},
    bags: undefined,
    documents: [],
  };
}

/** NAD elements 5–9 (street, city, region, postal code, country); undefined when all are empty. */
export function makeAddress(
  street: string,
  city: string,
  region: string,
  postalCode: string,
  country: string,
): Traveller['address'] {
  if (!(street || city || region || postalCode || country)) return undefined;
  const address: NonNullable<Traveller['address']> = {};
  if (street) address.street = street;
  if (city) address.city = city;
  if (region) address.region = region;
  if (postalCode) address.postalCode = postalCode;
  if (country) address.country = country;
  return address;
}

const SEXES = new Map<number, Sex>(
  (['M', 'F', 'X', 'U'] as const).flatMap((x) => [
    [codeKey(x), x],
    [codeKey(x.toLowerCase()), x],
  ]),
);

/**
 * One segment inside a traveller group; returns the document now open (DOC starts one,
 * anything but DTM/LOC after it closes it).
 */
export function travellerSegment(
  s: SegmentScanner,
  sink: IssueSink,
  t: Traveller,
  doc: TravelDocument | undefined,
  referenceYear: number,
  cache: DecodeCache,
): TravelDocument | undefined {
  const tag = s.tagCode;
  if (tag === TAG.DTM) {
    const q = s.key(1, 1);
    if (doc && (q === K.d36 || q === K.d182)) {
      const d = dateOf(s, referenceYear, 'other');
      if (!d) sink.problem('DATE_INVALID', `"${s.value(1, 2)}" is not a date.`, where(s, 1, 2));
      else if (q === K.d36) doc.expiryDate = d;
      else doc.issueDate = d;
      return doc;
    }
    if (q === K.d329) {
      const d = dateOf(s, referenceYear, 'birth');
      if (!d)
        sink.problem('DATE_INVALID', `"${s.value(1, 2)}" is not a birth date.`, where(s, 1, 2));
      else t.birthDate = d;
    } else
      sink.problem(
        'DTM_QUALIFIER_UNEXPECTED',
        `DTM ${s.value(1, 1)} is not expected here.`,
        where(s, 1, 1),
      );
    return doc;
  }
  if (tag === TAG.LOC) {
    const q = s.key(1, 1);
    if (q === K.l91) {
      const st = stateCode(s, sink, 2, 1, cache);
      if (doc) {
        if (st) doc.issuingState = st;
      } else
        sink.problem('LOC_WITHOUT_DOC', 'LOC 91 (issuing State) appears before any DOC.', where(s));
      return doc;
    }
    if (q === K.l174) t.residenceCountry = stateCode(s, sink, 2, 1, cache);
    else if (q === K.l178) t.embarkation = airportCode(s, sink, 2, 1, cache);
    else if (q === K.l179) t.debarkation = airportCode(s, sink, 2, 1, cache);
    else if (q === K.l180) {
      const place = [s.value(2, 1), s.value(2, 4)].filter(Boolean).join(' ').trim();
      if (place) t.placeOfBirth = place;
    } else if (q !== K.l22) {
      sink.problem(
        'LOC_QUALIFIER_UNEXPECTED',
        `LOC ${s.value(1, 1)} is not expected for a traveller.`,
        where(s, 1, 1),
      );
    }
    return undefined;
  }
  if (tag === TAG.DOC) {
    let type = cache.docTypes.get(s.key(1, 1));
    if (type === undefined) {
      type = s.value(1, 1).trim().toUpperCase();
      if (s.key(1, 1) > 0) cache.docTypes.set(s.key(1, 1), type);
    }
    const number = s.value(2, 1).trim();
    if (!type || !number) {
      sink.problem(
        'DOC_INCOMPLETE',
        'DOC needs a document type (element 1) and number (element 2).',
        where(s, type ? 2 : 1, 1),
      );
      return undefined;
    }
    const d: TravelDocument = { type, number };
    if (t.documents.length === 0) t.documents = [d];
    else t.documents.push(d);
    return d;
  }
  if (tag === TAG.ATT) {
    const sex = SEXES.get(s.key(3, 1));
    if (sex) t.sex = sex;
    else sink.problem('SEX_INVALID', `Sex "${s.value(3, 1)}" is not M, F, X or U.`, where(s, 3, 1));
  } else if (tag === TAG.NAT) {
    t.nationality = stateCode(s, sink, 2, 1, cache);
  } else if (tag === TAG.RFF) {
    const q = s.key(1, 1);
    const v = s.value(1, 2);
    const refs = t.references;
    if (q === K.AVF) refs.booking = v;
    else if (q === K.ABO) refs.passenger = v;
    else if (q === K.SEA) refs.seat = v;
    else if (q === K.TN) refs.transaction = v;
    else if (q === K.AEA) refs.government = v;
    else if (q === K.CR) refs.customer = v;
    else
      sink.warn(
        'RFF_QUALIFIER_UNKNOWN',
        `RFF ${s.value(1, 1)} is not a known traveller reference.`,
        where(s, 1, 1),
      );
  } else if (tag === TAG.GEI) {
    const v = s.key(2, 1);
    if (v === K.g173) t.verified = true;
    else if (v === K.g174) t.verified = false;
  } else if (tag === TAG.COM) {
    t.contacts ??= { phones: [], emails: [] };
    for (let e = 1; e <= s.elementCount; e++) {
      const q = s.key(e, 2);
      if (q === K.EM) t.contacts.emails.push(s.value(e, 1));
      else if (q === K.TE) t.contacts.phones.push(s.value(e, 1));
    }
  } else if (tag === TAG.MEA) {
    const q = s.key(1, 1);
    const bags = (t.bags ??= { tags: [] });
    const unit = s.value(3, 1);
    const num = Number(s.value(3, 2) || unit);
    if (q === K.CT && Number.isInteger(num) && num >= 0) bags.count = num;
    else if (q === K.WT && (unit === 'KGM' || unit === 'LBR') && num >= 0)
      bags.weight = { value: num, unit };
    else
      sink.problem(
        'MEA_INVALID',
        'MEA must be CT (bag count) or WT (weight in KGM/LBR) with a number.',
        where(s, 3, 1),
      );
  } else if (tag === TAG.FTX) {
    if (s.key(1, 1) === K.BAG) {
      const first = s.value(4, 1);
      const count = Number(s.value(4, 2) || '1');
      if (first) (t.bags ??= { tags: [] }).tags.push(...expandBagTags(first, count));
    }
  } else if (tag === TAG.EMP || tag === TAG.QTY) {
    // crew function / quantities: not part of the screening model
  } else {
    sink.problem(
      'SEGMENT_UNEXPECTED',
      `Segment ${s.tag} is not expected inside a traveller group.`,
      where(s),
    );
  }
  return undefined;
}
