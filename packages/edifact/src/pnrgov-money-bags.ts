// PNRGOV money and bags: FOP payments, MON fares, TBD bag details, and infants that only
// SSR INFT or an infant DOCS names.
import type { Payment, Pnr, PnrTraveller, Ticket } from '@paxguard/domain';
import { maskCard } from './card-masking.ts';
import type { DocsInfo } from './pnrgov-ssr.ts';
import type { SegmentScanner } from './segment-scanner.ts';

export interface PendingInfant {
  surname: string;
  given: string[];
  birthDate?: string;
  docs?: DocsInfo;
  adultRef?: string;
}

const PAYMENT_TYPES: Record<string, Payment['type']> = {
  CC: 'card',
  CA: 'cash',
  GR: 'government',
  MS: 'miscellaneous',
};

/** MON amounts: the total (T) becomes the ticket's fare; returns a currency seen. */
export function applyMon(s: SegmentScanner, ticket: Ticket | undefined): string | undefined {
  let seen: string | undefined;
  for (let e = 1; e <= s.elementCount; e++) {
    const amount = Number(s.value(e, 2));
    const currency = s.value(e, 3).toUpperCase();
    if (/^[A-Z]{3}$/.test(currency)) seen ??= currency;
    if (
      ticket &&
      (s.value(e, 1) === 'T' || !ticket.fare) &&
      Number.isFinite(amount) &&
      /^[A-Z]{3}$/.test(currency)
    ) {
      ticket.fare = { amount, currency };
    }
  }
  return seen;
}

/** FOP: type, amount in the PNR currency, card type and the card masked + fingerprinted. */
export function readFop(
  s: SegmentScanner,
  currency: string | undefined,
  cardSalt: string,
): Payment {
  const pay: Payment = { type: PAYMENT_TYPES[s.value(1, 1).toUpperCase()] ?? 'other' };
  const amount = Number(s.value(1, 3));
  if (s.value(1, 3) && Number.isFinite(amount) && currency)
    pay.amount = { amount, currency: currency };
  if (s.value(1, 4)) pay.cardType = s.value(1, 4);
  if (s.value(1, 5)) Object.assign(pay, maskCard(s.value(1, 5), cardSalt));
  return pay;
}

/** TBD: bag count, weight (701 = pounds), head of pool and tags. */
export function applyTbd(s: SegmentScanner, t: PnrTraveller): void {
  const bags = (t.bags ??= { tags: [] });
  const count = Number(s.value(2, 1));
  if (s.value(2, 1) && Number.isInteger(count)) bags.count = count;
  const w = Number(s.value(2, 2));
  if (s.value(2, 2) && Number.isFinite(w) && w >= 0)
    bags.weightKg = s.value(2, 3) === '701' ? Math.round(w * 0.4536 * 10) / 10 : w;
  if (s.value(4, 1).toUpperCase() === 'HP' && t.ref) bags.poolHeadRef = t.ref;
  // One element per tag (airline prefix, serial); the third component is not a count.
  for (let e = 5; e <= s.elementCount; e++) {
    const serial = s.value(e, 2).trim();
    if (serial) bags.tags.push(s.value(e, 1).trim() + serial);
  }
}

/** Attaches infants named only in SSR INFT / infant DOCS, creating them when no TIF did. */
export function attachInfants(pnr: Pnr, infants: PendingInfant[]): void {
  // Transport line-wrapping leaves stray spaces inside names, so names compare without them.
  const bare = (x: string | undefined): string => (x ?? '').replace(/\s+/g, '');
  for (const inf of infants) {
    let t = pnr.travellers.find(
      (x) =>
        x.type === 'infant' &&
        bare(x.name.surname) === bare(inf.surname) &&
        (inf.given.length === 0 || bare(x.name.given[0]) === bare(inf.given[0])),
    );
    t ??= pnr.travellers.find(
      (x) => x.type === 'infant' && bare(x.name.surname) === bare(inf.surname),
    );
    if (!t) {
      t = {
        name: { surname: inf.surname, given: inf.given },
        type: 'infant',
        documents: [],
        addresses: [],
        contacts: { phones: [], emails: [] },
        tickets: [],
        seats: [],
      };
      if (inf.adultRef) t.accompanyingRef = inf.adultRef;
      pnr.travellers.push(t);
    }
    t.birthDate ??= inf.birthDate ?? inf.docs?.birthDate;
    t.sex ??= inf.docs?.sex;
    t.nationality ??= inf.docs?.nationality;
    if (inf.docs?.document) addDocument(t, inf.docs.document);
  }
}

export function addDocument(t: PnrTraveller, doc: PnrTraveller['documents'][number]): void {
  if (!t.documents.some((d) => d.type === doc.type && d.number === doc.number))
    t.documents.push(doc);
}
