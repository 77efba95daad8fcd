// Shared value types: dates, codes and names as they travel between carriers and States.
import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD` (birth, document expiry). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

/** A local wall-clock time at an airport, `YYYY-MM-DDTHH:mm` (no zone: EDIFACT DTM is local). */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:mm');
export type LocalDateTime = z.infer<typeof LocalDateTime>;

/** An instant in UTC, ISO 8601 with `Z`. */
export const UtcInstant = z.iso.datetime();
export type UtcInstant = z.infer<typeof UtcInstant>;

/** ICAO Doc 9303 state code: ISO 3166 alpha-3 plus `D`, `GBD`…, `UNO`, `XXA`…; validated in documents. */
export const StateCode = z
  .string()
  .regex(/^[A-Z]{1,3}$/, 'expected an ICAO state code (1–3 letters)');
export type StateCode = z.infer<typeof StateCode>;

/** IATA airport code. */
export const AirportCode = z
  .string()
  .regex(/^[A-Z0-9]{3}$/, 'expected a 3-character IATA airport code');
export type AirportCode = z.infer<typeof AirportCode>;

/** IATA (2) or ICAO (3) airline designator. */
export const CarrierCode = z
  .string()
  .regex(/^[A-Z0-9]{2,3}$/, 'expected a 2–3 character airline designator');
export type CarrierCode = z.infer<typeof CarrierCode>;

export const Sex = z.enum(['M', 'F', 'X', 'U']);
export type Sex = z.infer<typeof Sex>;

export const PersonName = z.object({
  surname: z.string().min(1),
  /** Given names in order (first, middle…), as separate tokens where the sender separated them. */
  given: z.array(z.string().min(1)),
});
export type PersonName = z.infer<typeof PersonName>;

export const Address = z.object({
  street: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});
export type Address = z.infer<typeof Address>;

export const Contacts = z.object({
  phones: z.array(z.string()).default([]),
  emails: z.array(z.string()).default([]),
});
export type Contacts = z.infer<typeof Contacts>;

export const Money = z.object({
  amount: z.number(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
});
export type Money = z.infer<typeof Money>;
