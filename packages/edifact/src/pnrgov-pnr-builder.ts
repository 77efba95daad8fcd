// One PNR of a PNRGOV push (SRC … next SRC): booking, originator, travellers with their
// documents/contacts/tickets/seats/bags, payments, itinerary and history, segment by segment.
import type { Payment, Pnr, PnrSegment, PnrTraveller, PnrTravellerType } from '@paxguard/domain';
import type { AirportZones } from './airport-zones.ts';
import type { IssueSink } from './codec-issues.ts';
import { where } from './code-readers.ts';
import { dateTime, ddmmyy, readTvl } from './pnrgov-fields.ts';
import { parseContact, parseDoca, parseDoco, parseDocs, parseInft } from './pnrgov-ssr.ts';
import type { SegmentScanner } from './segment-scanner.ts';
import {
  addDocument,
  applyMon,
  applyTbd,
  attachInfants,
  readFop,
  type PendingInfant,
} from './pnrgov-money-bags.ts';

const TYPES: Record<string, PnrTravellerType> = {
  A: 'adult',
  C: 'child',
  CH: 'child',
  IN: 'infant',
  INF: 'infant',
  G: 'group',
};
const TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'MSTR', 'DR']);
/** Segments carried by PNRGOV that the screening model does not need. */
const IGNORED = new Set(['APD', 'REF', 'FAR', 'PTK', 'TXD', 'EBD', 'MSG', 'EQN']);

export class PnrBuilder {
  readonly pnr: Pnr;
  private traveller: PnrTraveller | undefined;
  private section: 'main' | 'itinerary' | 'history' = 'main';
  private segment = 0;
  private checkInAt: string | undefined;
  private historyAt: string | undefined;
  private pendingAction: string | undefined;
  private currency: string | undefined;
  private infants: PendingInfant[] = [];

  constructor(
    private readonly sink: IssueSink,
    private readonly zones: AirportZones,
    private readonly cardSalt: string,
    readonly segmentIndex: number,
  ) {
    this.pnr = {
      bookingRef: '',
      travellers: [],
      contacts: { phones: [], emails: [] },
      addresses: [],
      payments: [],
      itinerary: [],
      remarks: [],
      history: [],
    };
  }

  segmentIn(s: SegmentScanner): void {
    const tag = s.tag.toUpperCase();
    if (this.pendingAction !== undefined && tag !== 'SAC' && tag !== 'DAT') {
      this.pnr.history.push({ at: this.historyAt, action: this.pendingAction, detail: s.raw() });
      this.pendingAction = undefined;
      return;
    }
    switch (tag) {
      case 'RCI':
        return this.rci(s);
      case 'DAT':
        return this.dat(s);
      case 'ORG':
        return this.org(s);
      case 'ADD':
        return this.add(s);
      case 'TIF':
        return this.tif(s);
      case 'FTI':
        if (this.traveller) this.traveller.frequentFlyer = s.value(1, 1) + s.value(1, 2);
        return;
      case 'IFT':
        return this.ift(s);
      case 'SSR':
        return this.ssr(s);
      case 'TKT':
        return this.tkt(s);
      case 'MON': {
        const currency = applyMon(s, this.traveller?.tickets[this.traveller.tickets.length - 1]);
        this.currency ??= currency;
        return;
      }
      case 'FOP':
        this.pnr.payments.push(readFop(s, this.currency, this.cardSalt));
        return;
      case 'TVL':
        return this.tvl(s);
      case 'RPI': {
        const seg = this.pnr.itinerary[this.pnr.itinerary.length - 1];
        if (seg && s.value(2, 1)) seg.status = s.value(2, 1);
        return;
      }
      case 'TRI':
        this.traveller = this.byRef(s.value(2, 4));
        return;
      case 'SSD':
        if (this.traveller && s.value(1, 1))
          addSeat(this.traveller, this.segment, s.value(1, 1).trim());
        return;
      case 'TBD':
        if (this.traveller) applyTbd(s, this.traveller);
        return;
      case 'ABI':
        this.section = 'history';
        return;
      case 'SAC':
        this.pendingAction =
          { A: 'added', X: 'cancelled', K: 'kept' }[s.value(3, 1)] ?? (s.value(3, 1) || 'changed');
        return;
      case 'LTS':
        this.pnr.history.push({ action: 'history-line', detail: s.value(1, 1) });
        return;
      default:
        if (IGNORED.has(tag)) {
          if (tag === 'EQN' || tag === 'MSG')
            this.sink.warn('SEGMENT_MISPLACED', `${tag} inside a PNR was ignored.`, where(s));
          return;
        }
        this.sink.problem(
          'SEGMENT_UNEXPECTED',
          `Segment ${s.tag} is not expected in a PNR.`,
          where(s),
        );
    }
  }

  private rci(s: SegmentScanner): void {
    if (this.pnr.bookingRef) return;
    this.pnr.bookingRef = s.value(1, 2).trim();
    const airline = s.value(1, 1).trim().toUpperCase();
    if (/^[A-Z0-9]{2,3}$/.test(airline)) this.pnr.carrier = airline;
    const c3 = s.value(1, 3);
    const [d, t] = /^\d{6}$/.test(c3) ? [c3, s.value(1, 4)] : [s.value(1, 4), s.value(1, 5)];
    const at = dateTime(ddmmyy(d), t);
    if (at) this.pnr.createdAt = at;
  }

  private dat(s: SegmentScanner): void {
    for (let e = 1; e <= s.elementCount; e++) {
      const q = s.value(e, 1);
      const date = ddmmyy(s.value(e, 2));
      const at = dateTime(date, s.value(e, 3)) ?? date;
      if (!at) continue;
      if (q === '700') this.pnr.lastModifiedAt = dateTime(date, s.value(e, 3));
      else if (q === '710') {
        const ticket = this.traveller?.tickets[this.traveller.tickets.length - 1];
        if (ticket && this.section === 'main') ticket.issuedAt = at;
        else this.pnr.ticketedAt = dateTime(date, s.value(e, 3));
      } else if (q === '2') this.checkInAt = dateTime(date, s.value(e, 3));
      else this.historyAt = dateTime(date, s.value(e, 3));
    }
  }

  private org(s: SegmentScanner): void {
    if (this.pnr.originator || this.traveller || this.section !== 'main') return;
    const o: NonNullable<Pnr['originator']> = {};
    const set = <K extends keyof typeof o>(k: K, v: string): void => {
      if (v) o[k] = v as (typeof o)[K];
    };
    set('airline', s.value(1, 1));
    set('location', s.value(1, 2));
    set('agencyId', s.value(2, 1) || s.value(2, 2));
    set('type', s.value(5, 1));
    const country = s.value(6, 1).toUpperCase();
    if (/^[A-Z]{1,3}$/.test(country)) o.country = country;
    set('currency', s.value(6, 2));
    if (/^[A-Z]{3}$/.test(s.value(6, 2))) this.currency = s.value(6, 2);
    this.pnr.originator = o;
  }

  private add(s: SegmentScanner): void {
    const a: Record<string, string> = {};
    for (const [k, c] of [
      ['street', 2],
      ['city', 3],
      ['region', 4],
      ['country', 6],
      ['postalCode', 7],
    ] as const) {
      const v = s.value(2, c).trim();
      if (v) a[k] = v;
    }
    const owner = this.traveller && this.section === 'main' ? this.traveller : undefined;
    if (Object.keys(a).length > 0) (owner ? owner.addresses : this.pnr.addresses).push(a);
    const phone = s.value(2, 8).trim();
    if (phone) (owner ? owner.contacts : this.pnr.contacts).phones.push(phone);
  }

  private byRef(ref: string): PnrTraveller | undefined {
    return ref ? this.pnr.travellers.find((t) => t.ref === ref) : undefined;
  }

  private tif(s: SegmentScanner): void {
    const surname = s.value(1, 1).trim();
    const tokens = s.value(2, 1).trim().split(/\s+/).filter(Boolean);
    while (tokens.length > 1 && TITLES.has(tokens[tokens.length - 1]!)) tokens.pop();
    const ref = s.value(2, 3).trim();
    const existing =
      this.byRef(ref) ??
      this.pnr.travellers.find(
        (t) => !ref && t.name.surname === surname && t.name.given.join(' ') === tokens.join(' '),
      );
    if (existing) {
      this.traveller = existing;
      if (this.section !== 'main') {
        existing.checkedIn = true;
        if (this.checkInAt) existing.checkedInAt = this.checkInAt;
      }
      return;
    }
    if (!surname) {
      this.sink.problem('NAME_MISSING', 'TIF has no surname.', where(s, 1, 1));
      return;
    }
    const typeCode = s.value(2, 2).toUpperCase();
    const type = TYPES[typeCode] ?? 'adult';
    const t: PnrTraveller = {
      name: { surname, given: tokens },
      type,
      documents: [],
      addresses: [],
      contacts: { phones: [], emails: [] },
      tickets: [],
      seats: [],
    };
    if (ref) t.ref = ref;
    if (type === 'infant') {
      const adult = [...this.pnr.travellers].reverse().find((x) => x.type !== 'infant');
      if (adult?.ref) t.accompanyingRef = adult.ref;
    }
    if (type === 'group') this.pnr.groupName ??= [surname, ...tokens].join(' ');
    this.pnr.travellers.push(t);
    this.traveller = t;
  }

  private ift(s: SegmentScanner): void {
    const q = s.value(1, 2);
    const text = [2, 3, 4, 5].map((e) => s.value(e, 1)).filter(Boolean);
    if (q === '43') {
      const pay = this.pnr.payments[this.pnr.payments.length - 1];
      if (!pay) return;
      const payer: NonNullable<Payment['payer']> = {};
      if (text[0]) payer.name = text[0];
      if (text[1]) payer.address = { street: text[1] };
      if (text[2]) payer.phone = text[2];
      pay.payer = payer;
      return;
    }
    if (q !== '28') return;
    const body = text.join(' ').trim();
    const contact = parseContact(body.replace(/^[A-Z0-9]{2}\s+(?=CTC)/, ''));
    const bag =
      this.traveller && this.section === 'main' ? this.traveller.contacts : this.pnr.contacts;
    if (contact?.email) bag.emails.push(contact.email);
    else if (contact?.phone) bag.phones.push(contact.phone);
    else if (body) this.pnr.remarks.push(body);
  }

  private ssr(s: SegmentScanner): void {
    const code = s.value(1, 1).toUpperCase();
    const text = s.value(1, 9);
    const owner = this.byRef(s.value(2, 3)) ?? this.traveller;
    const year = Number((this.pnr.createdAt ?? '2000').slice(0, 4));
    if (code === 'DOCS' && owner) {
      const info = parseDocs(text, year);
      if (info.infant) {
        this.infants.push({
          surname: info.surname ?? owner.name.surname,
          given: info.given,
          birthDate: info.birthDate,
          docs: info,
          adultRef: owner.ref,
        });
        return;
      }
      if (info.document) addDocument(owner, info.document);
      owner.birthDate ??= info.birthDate;
      owner.sex ??= info.sex;
      owner.nationality ??= info.nationality;
    } else if (code === 'DOCO' && owner) {
      const doc = parseDoco(text, year);
      if (doc) addDocument(owner, doc);
    } else if (code === 'DOCA' && owner) {
      const a = parseDoca(text);
      if (a && !owner.addresses.some((x) => JSON.stringify(x) === JSON.stringify(a)))
        owner.addresses.push(a);
    } else if (code === 'INFT' && owner) {
      const inf = parseInft(text, year);
      if (inf) this.infants.push({ ...inf, adultRef: owner.ref });
    } else if (code.startsWith('CTC')) {
      const c = parseContact(`${code} ${text}`);
      const bag = owner ? owner.contacts : this.pnr.contacts;
      if (c?.email) bag.emails.push(c.email);
      else if (c?.phone) bag.phones.push(c.phone);
    } else if (code === 'SEAT') {
      for (let e = 2; e <= s.elementCount; e++) {
        const seat = s.value(e, 1).trim();
        const t = this.byRef(s.value(e, 3));
        if (seat && t) addSeat(t, this.segment, seat);
      }
    } else if (code === 'OTHS' && text.trim()) this.pnr.remarks.push(text.trim());
  }

  private tkt(s: SegmentScanner): void {
    const number = s.value(1, 1).trim();
    if (number && this.traveller && !this.traveller.tickets.some((t) => t.number === number))
      this.traveller.tickets.push({ number });
  }

  private tvl(s: SegmentScanner): void {
    if (this.section === 'history') return;
    const prev = this.pnr.itinerary[this.pnr.itinerary.length - 1];
    if (!s.value(1, 1) && !s.value(2, 1) && s.value(5, 1) && prev) {
      prev.operatingNumber = s.value(5, 1);
      prev.operatingCarrier ??= prev.carrier;
      return;
    }
    const seg: PnrSegment | undefined = readTvl(s, this.zones);
    this.section = 'itinerary';
    if (!seg) return;
    const same = this.pnr.itinerary.findIndex(
      (x) =>
        x.carrier === seg.carrier &&
        x.number === seg.number &&
        x.departure.airport === seg.departure.airport &&
        x.departure.local === seg.departure.local,
    );
    if (same >= 0) this.segment = same + 1;
    else this.segment = this.pnr.itinerary.push(seg);
  }

  /** Attaches infants named only in SSR INFT / infant DOCS, creating them when no TIF did. */

  /** Attaches infants named only in SSR INFT / infant DOCS, creating them when no TIF did. */
  finish(): Pnr {
    attachInfants(this.pnr, this.infants);
    return this.pnr;
  }
}

function addSeat(t: PnrTraveller, segment: number, seat: string): void {
  const seg = segment || undefined;
  if (!t.seats.some((x) => x.seat === seat && x.segment === seg))
    t.seats.push({ segment: seg, seat });
}
