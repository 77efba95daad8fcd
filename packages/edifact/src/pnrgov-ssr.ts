// PNRGOV free-text fields: SSR DOCS/DOCO/DOCA/INFT and OSI/SSR contacts (CTCE, CTCM…),
// parsed from their slash-separated IATA layouts.
import type { Address, Sex, TravelDocument } from '@paxguard/domain';
import { parseDdMmmYy } from './edifact-dates.ts';

export interface DocsInfo {
  document?: TravelDocument;
  nationality?: string;
  birthDate?: string;
  sex?: Sex;
  infant: boolean;
  surname?: string;
  given: string[];
}

const STATE_RE = /^[A-Z]{1,3}$/;

function state(v: string | undefined): string | undefined {
  const s = (v ?? '').trim().toUpperCase();
  return STATE_RE.test(s) ? s : undefined;
}

function fields(text: string): string[] {
  const t = text.trim();
  return (t.startsWith('/') ? t.slice(1) : t).split('/').map((f) => f.trim());
}

/** `/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITH/JOHN/ROBERT` (type, issuer, number, nationality, birth, sex, expiry, names). */
export function parseDocs(text: string, referenceYear: number): DocsInfo {
  const f = fields(text);
  const [type, issuer, number, nationality, birth, sexRaw, expiry, surname, ...given] = f;
  const sexCode = (sexRaw ?? '').toUpperCase();
  const sex: Sex | undefined =
    sexCode === 'M' || sexCode === 'MI'
      ? 'M'
      : sexCode === 'F' || sexCode === 'FI'
        ? 'F'
        : sexCode === 'X' || sexCode === 'U'
          ? sexCode
          : undefined;
  const info: DocsInfo = {
    nationality: state(nationality),
    birthDate: birth ? parseDdMmmYy(birth, referenceYear, 'birth') : undefined,
    sex,
    infant: sexCode === 'MI' || sexCode === 'FI',
    surname: surname || undefined,
    given: given.filter(Boolean),
  };
  const num = (number ?? '').replace(/\s+/g, '');
  if (type && num) {
    const doc: TravelDocument = { type: type.toUpperCase(), number: num };
    const iss = state(issuer);
    if (iss) doc.issuingState = iss;
    if (info.nationality) doc.holderNationality = info.nationality;
    const exp = expiry ? parseDdMmmYy(expiry, referenceYear, 'other') : undefined;
    if (exp) doc.expiryDate = exp;
    info.document = doc;
  }
  return info;
}

/** `/PLACE OF BIRTH/V/NUMBER/PLACE OF ISSUE/ISSUE DATE/APPLICABLE COUNTRY` → a visa or other document. */
export function parseDoco(text: string, referenceYear: number): TravelDocument | undefined {
  const [, type, number, placeOfIssue, issued, country] = fields(text);
  const num = (number ?? '').replace(/\s+/g, '');
  if (!type || !num) return undefined;
  const doc: TravelDocument = { type: type.toUpperCase(), number: num };
  if (placeOfIssue) doc.placeOfIssue = placeOfIssue;
  const d = issued ? parseDdMmmYy(issued, referenceYear, 'other') : undefined;
  if (d) doc.issueDate = d;
  const st = state(country);
  if (st) doc.issuingState = st;
  return doc;
}

/** `/D/AUS/13 SHORE AVENUE/BROADBEACH/QLD/4215` (D destination, R residence). */
export function parseDoca(text: string): Address | undefined {
  const [, country, street, city, region, postalCode] = fields(text);
  const a: Address = {};
  if (street) a.street = street;
  if (city) a.city = city;
  if (region) a.region = region;
  if (postalCode) a.postalCode = postalCode;
  if (country) a.country = country;
  return Object.keys(a).length > 0 ? a : undefined;
}

/** `SURNAME/GIVEN/10AUG11` or `SURNAME/GIVEN 10AUG11`. */
export function parseInft(
  text: string,
  referenceYear: number,
): { surname: string; given: string[]; birthDate?: string } | undefined {
  const t = text.trim().replace(/^\//, '');
  const m = /^([^/]+)\/([^/]*?)(?:[/ ](\d{1,2}[A-Z]{3}\d{2,4}))?(?:\/.*)?$/.exec(t);
  if (!m || !m[1]) return undefined;
  const given = (m[2] ?? '').split(/\s+/).filter(Boolean);
  const birthDate = m[3] ? parseDdMmmYy(m[3], referenceYear, 'birth') : undefined;
  return { surname: m[1].trim(), given, birthDate };
}

/** IATA contact encoding: `//` is @, `..` is _, `./` is -. */
export function decodeEmail(raw: string): string {
  return raw.trim().replace(/\/\//g, '@').replace(/\.\./g, '_').replace(/\.\//g, '-');
}

/** An OSI/SSR contact text (`CTCE JOHN//EXAMPLE.COM`, `CTCM 4915…`) → email or phone. */
export function parseContact(text: string): { email?: string; phone?: string } | undefined {
  const m = /^\s*CTC([A-Z])\s*(.*)$/.exec(text.toUpperCase());
  if (!m) return undefined;
  const kind = m[1];
  const value = (m[2] ?? '').trim();
  if (!value) return undefined;
  if (kind === 'E') return { email: decodeEmail(value) };
  return { phone: value };
}
