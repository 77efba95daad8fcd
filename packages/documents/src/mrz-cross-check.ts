// Compares what the MRZ says with the structured manifest fields, tolerating what the MRZ
// cannot show (truncated names, transliteration, O/0 in numbers, two-digit years).
import { ICAO_CYRILLIC, ICAO_LATIN } from '@paxguard/domain';
import type { Traveller, TravelDocument } from '@paxguard/domain';
import type { MrzData } from './mrz-reader.ts';
import { normaliseDocumentNumber } from './document-number.ts';
import { keyCountry } from './lost-stolen-index.ts';

export interface MrzMismatch {
  field:
    | 'documentNumber'
    | 'birthDate'
    | 'expiryDate'
    | 'nationality'
    | 'issuingState'
    | 'sex'
    | 'surname'
    | 'given'
    | 'documentType';
  mrz: string;
  manifest: string;
}

const TRANSLIT: Readonly<Record<string, string>> = { ...ICAO_LATIN, ...ICAO_CYRILLIC };

/** Two readings of a name as MRZ letters: ICAO transliteration, and plain accent stripping. */
export function mrzNameForms(name: string): [string, string] {
  const upper = name.toUpperCase();
  let icao = '';
  for (const ch of upper) icao += TRANSLIT[ch] ?? ch;
  const strip = (s: string): string => s.normalize('NFD').replace(/[^A-Z]/g, '');
  return [strip(icao), strip(upper)];
}

function namesAgree(mrz: string, manifest: string): boolean {
  const m = mrz.replace(/[^A-Z]/g, '');
  if (m === '') return true;
  // The MRZ truncates long names, so a prefix agrees.
  return mrzNameForms(manifest).some(
    (f) => f === m || (f.startsWith(m) && m.length >= 3) || (m.startsWith(f) && f.length >= 3),
  );
}

function yymmdd(iso: string | undefined): string | undefined {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10)
    : undefined;
}

export function crossCheckMrz(
  mrz: MrzData,
  doc: TravelDocument,
  traveller: Traveller,
): MrzMismatch[] {
  const out: MrzMismatch[] = [];
  if (normaliseDocumentNumber(mrz.documentNumber) !== normaliseDocumentNumber(doc.number)) {
    out.push({ field: 'documentNumber', mrz: mrz.documentNumber, manifest: doc.number });
  }
  const birth = yymmdd(traveller.birthDate);
  if (birth && mrz.birthDate && birth !== mrz.birthDate)
    out.push({ field: 'birthDate', mrz: mrz.birthDate, manifest: traveller.birthDate ?? '' });
  const expiry = yymmdd(doc.expiryDate);
  if (expiry && mrz.expiryDate && expiry !== mrz.expiryDate)
    out.push({ field: 'expiryDate', mrz: mrz.expiryDate, manifest: doc.expiryDate ?? '' });
  const nationality = doc.holderNationality ?? traveller.nationality;
  if (nationality && mrz.nationality && keyCountry(nationality) !== keyCountry(mrz.nationality)) {
    out.push({ field: 'nationality', mrz: mrz.nationality, manifest: nationality });
  }
  if (
    doc.issuingState &&
    mrz.issuingState &&
    keyCountry(doc.issuingState) !== keyCountry(mrz.issuingState)
  ) {
    out.push({ field: 'issuingState', mrz: mrz.issuingState, manifest: doc.issuingState });
  }
  if (
    traveller.sex &&
    (traveller.sex === 'M' || traveller.sex === 'F') &&
    mrz.sex !== 'X' &&
    traveller.sex !== mrz.sex
  ) {
    out.push({ field: 'sex', mrz: mrz.sex, manifest: traveller.sex });
  }
  if (!namesAgree(mrz.surname, traveller.name.surname))
    out.push({ field: 'surname', mrz: mrz.surname, manifest: traveller.name.surname });
  const given = traveller.name.given.join(' ');
  if (given && !namesAgree(mrz.given, given))
    out.push({ field: 'given', mrz: mrz.given, manifest: given });
  const code = mrz.documentCode.charAt(0);
  const type = doc.type.charAt(0).toUpperCase();
  if ((code === 'P' || code === 'I') && (type === 'P' || type === 'I') && code !== type) {
    out.push({ field: 'documentType', mrz: mrz.documentCode, manifest: doc.type });
  }
  return out;
}
