// Normalises the identifiers bookings are linked by, so that the same phone, e-mail or
// address written two ways is one node: `+44 (0)20 7946-0958` and `00442079460958` meet.

const ASCII = /^[\x20-\x7e]*$/;

/** Upper case without accents; the Unicode pass is skipped for plain ASCII, the common case. */
export function foldText(s: string): string {
  if (ASCII.test(s)) return s.toUpperCase();
  return s
    .replace(/ß/g, 'SS')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
}
const fold = foldText;

/**
 * E.164-ish: `+` and digits when the country is known (written `+`, `00`, or a national
 * number with `defaultCallingCode`); bare national digits otherwise. Extensions are dropped.
 * Returns undefined for anything with fewer than 6 or more than 15 digits.
 */
export function normalisePhone(raw: string, defaultCallingCode?: string): string | undefined {
  let s = raw.trim().replace(/\s*(?:ext\.?|x|#)\s*\d+$/i, '');
  const international = s.startsWith('+') || /^00[1-9]/.test(s.replace(/[^\d+]/g, ''));
  if (s.startsWith('+')) s = s.replace(/\(0\)/g, '');
  let digits = s.replace(/\D/g, '');
  if (international && !s.startsWith('+')) digits = digits.slice(2);
  let out: string;
  if (international) out = `+${digits}`;
  else if (defaultCallingCode && /^\d{1,3}$/.test(defaultCallingCode))
    out = `+${defaultCallingCode}${digits.replace(/^0/, '')}`;
  else out = digits;
  const n = out.replace(/\D/g, '').length;
  return n >= 6 && n <= 15 ? out : undefined;
}

/** Providers whose mailboxes ignore `+tag` suffixes; only Gmail also ignores dots. */
const PLUS_PROVIDERS = new Set([
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'protonmail.com',
  'proton.me',
  'fastmail.com',
]);

export function normaliseEmail(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  const m = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/.exec(s);
  if (!m) return undefined;
  let local = m[1] as string;
  let domain = (m[2] as string).replace(/\.$/, '');
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (PLUS_PROVIDERS.has(domain)) local = local.replace(/\+.*$/, '');
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return local.length > 0 ? `${local}@${domain}` : undefined;
}

const ADDRESS_WORDS: Readonly<Record<string, string>> = {
  STREET: 'ST',
  STRASSE: 'STR',
  STRAAT: 'STR',
  ROAD: 'RD',
  AVENUE: 'AVE',
  AV: 'AVE',
  BOULEVARD: 'BLVD',
  APARTMENT: 'APT',
  FLAT: 'APT',
  APPT: 'APT',
  LANE: 'LN',
  DRIVE: 'DR',
  PLACE: 'PL',
  SQUARE: 'SQ',
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  FLOOR: 'FL',
  BUILDING: 'BLDG',
  RUE: 'RUE',
};
const ADDRESS_NOISE = new Set(['NO', 'NR', 'NUMBER', 'THE']);

export interface AddressParts {
  readonly street?: string | undefined;
  readonly city?: string | undefined;
  readonly region?: string | undefined;
  readonly postalCode?: string | undefined;
  readonly country?: string | undefined;
}

/** Folds case, accents, punctuation and common abbreviations; needs a street or postal code. */
export function normaliseAddress(raw: AddressParts | string): string | undefined {
  const parts = typeof raw === 'string' ? { street: raw } : raw;
  const words = (s: string | undefined): string[] =>
    fold(s ?? '')
      .split(/[^A-Z0-9]+/)
      .filter((w) => w.length > 0 && !ADDRESS_NOISE.has(w))
      .map((w) => ADDRESS_WORDS[w] ?? w);
  const street = words(parts.street);
  const postal = fold(parts.postalCode ?? '').replace(/[^A-Z0-9]/g, '');
  if (street.length === 0 && postal.length === 0) return undefined;
  if (street.length + (postal ? 1 : 0) < 2) return undefined;
  return [
    street.join(' '),
    postal,
    words(parts.city).join(' '),
    words(parts.country).join(' '),
  ].join('|');
}

/** Payer names in any order and case: `Smith, John` and `JOHN SMITH` are one payer. */
export function normalisePersonName(raw: string): string | undefined {
  const tokens = fold(raw)
    .split(/[^A-Z]+/)
    .filter((t) => t.length > 0 && !['MR', 'MRS', 'MS', 'MISS', 'DR'].includes(t));
  if (tokens.length === 0) return undefined;
  return tokens.sort().join(' ');
}

export function normaliseAgency(raw: string): string | undefined {
  const s = fold(raw).replace(/[^A-Z0-9]/g, '');
  return s.length > 0 ? s : undefined;
}

export function normaliseCardFingerprint(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  return s.length >= 8 ? s : undefined;
}
