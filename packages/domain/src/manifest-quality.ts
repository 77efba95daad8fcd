// How good a manifest was when it arrived: on time before the scheduled departure, as many
// travellers as it declared, and the data elements API law requires for each person.
import { travellerKey } from './keys.ts';
import type { Manifest, Traveller } from './manifest.ts';

/**
 * Per-person elements Directive 2004/82/EC art. 3(2) requires: full names, date of birth,
 * nationality, number and type of the travel document. (Regulation (EU) 2025/12 asks more;
 * a jurisdiction may check more on top.)
 */
export const REQUIRED_PERSON_ELEMENTS = [
  'full-name',
  'date-of-birth',
  'nationality',
  'document-type',
  'document-number',
] as const;
export type PersonElement = (typeof REQUIRED_PERSON_ELEMENTS)[number];

export function missingElements(t: Traveller): PersonElement[] {
  const out: PersonElement[] = [];
  if (!t.name.surname.trim() || t.name.given.every((g) => !g.trim())) out.push('full-name');
  if (!t.birthDate) out.push('date-of-birth');
  if (!t.nationality) out.push('nationality');
  const doc = t.documents[0];
  if (!doc?.type.trim()) out.push('document-type');
  if (!doc?.number.trim()) out.push('document-number');
  return out;
}

export interface ManifestQuality {
  listType: Manifest['listType'];
  functionCode: Manifest['functionCode'];
  declaredCount: number | null;
  listedCount: number;
  /** null when the message declared no count (CNT absent). */
  countMatches: boolean | null;
  /** Minutes between receipt and scheduled departure; negative when it came after. */
  minutesBeforeDeparture: number | null;
  travellersWithMissingElements: number;
  missing: { travellerKey: string; elements: PersonElement[] }[];
}

export function manifestQuality(
  m: Manifest,
  at: { receivedAt: Date; scheduledDeparture?: Date | null },
): ManifestQuality {
  const missing = m.travellers
    .map((t) => ({ travellerKey: travellerKey(t), elements: missingElements(t) }))
    .filter((x) => x.elements.length > 0);
  const declared = m.declaredCount ?? null;
  return {
    listType: m.listType,
    functionCode: m.functionCode,
    declaredCount: declared,
    listedCount: m.travellers.length,
    countMatches: declared === null ? null : declared === m.travellers.length,
    minutesBeforeDeparture: at.scheduledDeparture
      ? Math.round((at.scheduledDeparture.getTime() - at.receivedAt.getTime()) / 6000) / 10
      : null,
    travellersWithMissingElements: missing.length,
    missing,
  };
}
