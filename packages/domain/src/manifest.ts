// A passenger or crew manifest (PAXLST or its JSON form), the unit a carrier submits.
import { z } from 'zod';
import { TravelDocument } from './document.ts';
import {
  Address,
  AirportCode,
  CarrierCode,
  Contacts,
  IsoDate,
  LocalDateTime,
  PersonName,
  Sex,
  StateCode,
  UtcInstant,
} from './primitives.ts';

/** BGM document name code: 745 passengers, 250 crew, 266 flight status, 336 master crew, 655 gate pass. */
export const ListType = z.enum(['passenger', 'crew', 'flight-status', 'master-crew', 'gate-pass']);
export type ListType = z.infer<typeof ListType>;

/**
 * BGM second element, turned into the operation it asks for. `original` is a new list;
 * the others change what is stored (CP change, XR cancel reservation, RP reduction in
 * party, CL/CLNB/CLOB flight close, XF cancel flight, CF change flight).
 */
export const FunctionCode = z.enum([
  'original',
  'change',
  'cancel-reservation',
  'reduction-in-party',
  'flight-close',
  'flight-close-no-board',
  'flight-close-on-board',
  'cancel-flight',
  'change-flight',
]);
export type FunctionCode = z.infer<typeof FunctionCode>;

export const ScheduledPoint = z.object({
  airport: AirportCode,
  /** Wall-clock time at that airport as the carrier sent it. */
  local: LocalDateTime.optional(),
  /** The same instant in UTC, when the airport's time zone is known. */
  utc: UtcInstant.optional(),
});
export type ScheduledPoint = z.infer<typeof ScheduledPoint>;

export const FlightLeg = z.object({
  departure: ScheduledPoint,
  arrival: ScheduledPoint,
  /** TDT 34: the flight only overflies the reporting State on this leg. */
  overflight: z.boolean().default(false),
});
export type FlightLeg = z.infer<typeof FlightLeg>;

export const Flight = z.object({
  carrier: CarrierCode,
  /** Flight number without the carrier prefix, leading zeros removed, suffix kept (`123`, `45A`). */
  number: z.string().regex(/^[0-9]{1,4}[A-Z]?$/, 'expected a flight number such as 123 or 45A'),
  legs: z.array(FlightLeg).min(1),
});
export type Flight = z.infer<typeof Flight>;

export const TravellerRole = z.enum(['passenger', 'crew', 'transit-passenger', 'transit-crew']);
export type TravellerRole = z.infer<typeof TravellerRole>;

export const TravellerReferences = z.object({
  /** RFF AVF: the booking (PNR) locator. */
  booking: z.string().optional(),
  /** RFF ABO: the carrier's unique passenger reference. */
  passenger: z.string().optional(),
  seat: z.string().optional(),
  transaction: z.string().optional(),
  government: z.string().optional(),
  customer: z.string().optional(),
});
export type TravellerReferences = z.infer<typeof TravellerReferences>;

export const Bags = z.object({
  count: z.number().int().nonnegative().optional(),
  weight: z.object({ value: z.number().nonnegative(), unit: z.enum(['KGM', 'LBR']) }).optional(),
  /** Individual bag tag numbers, expanded from FTX BAG ranges. */
  tags: z.array(z.string()).default([]),
});
export type Bags = z.infer<typeof Bags>;

export const Traveller = z.object({
  role: TravellerRole,
  name: PersonName,
  sex: Sex.optional(),
  birthDate: IsoDate.optional(),
  nationality: StateCode.optional(),
  residenceCountry: StateCode.optional(),
  placeOfBirth: z.string().optional(),
  address: Address.optional(),
  contacts: Contacts.optional(),
  embarkation: AirportCode.optional(),
  debarkation: AirportCode.optional(),
  /** GEI 173 verified / 174 not verified; undefined when not sent. */
  verified: z.boolean().optional(),
  references: TravellerReferences.default({}),
  bags: Bags.optional(),
  documents: z.array(TravelDocument).default([]),
});
export type Traveller = z.infer<typeof Traveller>;

export const ReportingParty = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.string().optional(),
});
export type ReportingParty = z.infer<typeof ReportingParty>;

export const Manifest = z.object({
  source: z.enum(['PAXLST', 'JSON']),
  listType: ListType,
  functionCode: FunctionCode,
  /** e.g. `D02B`, `D05B`. */
  messageVersion: z.string().optional(),
  sender: z.string().optional(),
  recipient: z.string().optional(),
  /** UNB interchange control reference. */
  interchangeRef: z.string().optional(),
  /** UNH message reference (shared by every part of a multi-part message). */
  messageRef: z.string().optional(),
  /** BGM document identifier. */
  documentRef: z.string().optional(),
  preparedAt: z.union([UtcInstant, LocalDateTime]).optional(),
  reportingParty: ReportingParty.optional(),
  flight: Flight,
  travellers: z.array(Traveller),
  /** CNT: how many travellers the sender says the list holds. */
  declaredCount: z.number().int().nonnegative().optional(),
});
export type Manifest = z.infer<typeof Manifest>;
