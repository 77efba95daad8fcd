// Reservation data (PNRGOV or its JSON form): bookings with their travellers, contacts,
// payments and itineraries. Card numbers are never kept whole: masked plus a fingerprint.
import { z } from 'zod';
import { TravelDocument } from './document.ts';
import { ScheduledPoint } from './manifest.ts';
import {
  Address,
  CarrierCode,
  Contacts,
  IsoDate,
  LocalDateTime,
  Money,
  PersonName,
  Sex,
  StateCode,
  UtcInstant,
} from './primitives.ts';

export const PnrTravellerType = z.enum(['adult', 'child', 'infant', 'group']);
export type PnrTravellerType = z.infer<typeof PnrTravellerType>;

export const Ticket = z.object({
  number: z.string(),
  issuedAt: z.union([UtcInstant, LocalDateTime, IsoDate]).optional(),
  fare: Money.optional(),
  /** True when the ticket covers no return segment. */
  oneWay: z.boolean().optional(),
});
export type Ticket = z.infer<typeof Ticket>;

export const PnrTraveller = z.object({
  /** Traveller reference inside the PNR (TIF element), used by seats, tickets and SSRs. */
  ref: z.string().optional(),
  name: PersonName,
  type: PnrTravellerType.default('adult'),
  /** For an infant: the ref of the adult it travels on the lap of. */
  accompanyingRef: z.string().optional(),
  birthDate: IsoDate.optional(),
  sex: Sex.optional(),
  nationality: StateCode.optional(),
  documents: z.array(TravelDocument).default([]),
  addresses: z.array(Address).default([]),
  contacts: Contacts.default({ phones: [], emails: [] }),
  tickets: z.array(Ticket).default([]),
  seats: z.array(z.object({ segment: z.number().int().optional(), seat: z.string() })).default([]),
  bags: z
    .object({
      count: z.number().int().nonnegative().optional(),
      weightKg: z.number().nonnegative().optional(),
      tags: z.array(z.string()).default([]),
      /** Ref of the traveller whose bags pool these (TBD head of pool). */
      poolHeadRef: z.string().optional(),
    })
    .optional(),
  checkedIn: z.boolean().optional(),
  checkedInAt: z.union([UtcInstant, LocalDateTime]).optional(),
  frequentFlyer: z.string().optional(),
});
export type PnrTraveller = z.infer<typeof PnrTraveller>;

export const Payment = z.object({
  type: z.enum(['card', 'cash', 'government', 'miscellaneous', 'other']),
  cardType: z.string().optional(),
  /** e.g. `XXXXXXXXXXXX1234`: never the full number. */
  cardMasked: z.string().optional(),
  /** Stable hash of the full card number, for link analysis without keeping the number. */
  cardFingerprint: z.string().optional(),
  cardHolder: z.string().optional(),
  amount: Money.optional(),
  /** Who paid when it was not the traveller (IFT 4:43 or card holder). */
  payer: z
    .object({
      name: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
      address: Address.optional(),
    })
    .optional(),
});
export type Payment = z.infer<typeof Payment>;

export const PnrSegment = z.object({
  carrier: CarrierCode,
  number: z.string(),
  /** Operating carrier and number for a codeshare. */
  operatingCarrier: CarrierCode.optional(),
  operatingNumber: z.string().optional(),
  departure: ScheduledPoint,
  arrival: ScheduledPoint,
  bookingClass: z.string().optional(),
  status: z.string().optional(),
});
export type PnrSegment = z.infer<typeof PnrSegment>;

export const PnrOriginator = z.object({
  airline: z.string().optional(),
  location: z.string().optional(),
  /** Travel agency IATA number or office id when booked through an agent. */
  agencyId: z.string().optional(),
  agencyName: z.string().optional(),
  /** ORG type: T travel agent, A airline, … kept verbatim. */
  type: z.string().optional(),
  country: StateCode.optional(),
  currency: z.string().optional(),
});
export type PnrOriginator = z.infer<typeof PnrOriginator>;

export const PnrHistoryEntry = z.object({
  at: z.union([UtcInstant, LocalDateTime]).optional(),
  action: z.string(),
  detail: z.string().optional(),
});

export const Pnr = z.object({
  bookingRef: z.string().min(1),
  carrier: CarrierCode.optional(),
  createdAt: z.union([UtcInstant, LocalDateTime]).optional(),
  lastModifiedAt: z.union([UtcInstant, LocalDateTime]).optional(),
  ticketedAt: z.union([UtcInstant, LocalDateTime]).optional(),
  originator: PnrOriginator.optional(),
  groupName: z.string().optional(),
  travellers: z.array(PnrTraveller),
  contacts: Contacts.default({ phones: [], emails: [] }),
  addresses: z.array(Address).default([]),
  payments: z.array(Payment).default([]),
  itinerary: z.array(PnrSegment).default([]),
  remarks: z.array(z.string()).default([]),
  history: z.array(PnrHistoryEntry).default([]),
});
export type Pnr = z.infer<typeof Pnr>;

export const PnrPush = z.object({
  source: z.enum(['PNRGOV', 'JSON']),
  /** `10.1`, `11.1`, `13.1`. */
  messageVersion: z.string().optional(),
  /** MSG+:22 full push, MSG+:141 only the PNRs that changed. */
  pushType: z.enum(['full', 'changed']),
  sender: z.string().optional(),
  recipient: z.string().optional(),
  interchangeRef: z.string().optional(),
  messageRef: z.string().optional(),
  /** TVL: the flight this push is for. */
  flight: z.object({
    carrier: CarrierCode,
    number: z.string(),
    departure: ScheduledPoint,
    arrival: ScheduledPoint,
  }),
  /** EQN: how many PNRs the sender says the push holds. */
  declaredPnrCount: z.number().int().nonnegative().optional(),
  pnrs: z.array(Pnr),
});
export type PnrPush = z.infer<typeof PnrPush>;
