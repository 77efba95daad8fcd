// A travel document as reported by the carrier (PAXLST DOC group, PNR SSR DOCS/DOCO, JSON).
import { z } from 'zod';
import { IsoDate, StateCode } from './primitives.ts';

/**
 * Document type codes as carriers send them. P passport, I identity card, V visa,
 * A/C other identity documents, IP passport card, F facilitation document, AC crew
 * member certificate, ETA electronic travel authorisation; anything else is kept verbatim.
 */
export const TravelDocument = z.object({
  type: z.string().min(1),
  number: z.string().min(1),
  issuingState: StateCode.optional(),
  /** Nationality printed on the document where the message carries it (PNR DOCS). */
  holderNationality: StateCode.optional(),
  issueDate: IsoDate.optional(),
  expiryDate: IsoDate.optional(),
  placeOfIssue: z.string().optional(),
  /** Machine-readable zone lines, when a kiosk or DCS captured them. */
  mrz: z.array(z.string()).optional(),
});
export type TravelDocument = z.infer<typeof TravelDocument>;
