// Reads TD1/TD2/TD3 machine-readable zones with the `mrz` package and reports, without
// throwing, what is unreadable and which check digits fail.
import { parse, type ParseResult } from 'mrz';

export interface MrzData {
  format: 'TD1' | 'TD2' | 'TD3';
  documentCode: string;
  /** Raw three-letter (or `D<<`) codes as printed, fillers removed. */
  issuingState: string;
  nationality: string;
  documentNumber: string;
  /** YYMMDD as printed. */
  birthDate: string;
  expiryDate: string;
  sex: 'M' | 'F' | 'X';
  surname: string;
  given: string;
}

export interface MrzCheckFailure {
  field: string;
  label: string;
  message: string;
}

export type MrzRead =
  | { ok: true; data: MrzData; checkDigitFailures: MrzCheckFailure[] }
  | { ok: false; message: string };

function raw(result: ParseResult, field: string): string {
  const d = result.details.find((x) => x.field === field);
  // `raw` is present at run time although the package's types omit it.
  const range = d?.ranges[0] as { raw?: string } | undefined;
  return (range?.raw ?? '').replace(/</g, ' ').trim();
}

/** Accepts the lines as captured (2×44, 2×36 or 3×30); trailing spaces and lower case are tolerated. */
export function readMrz(lines: readonly string[]): MrzRead {
  const clean = lines.map((l) => l.trim().toUpperCase()).filter((l) => l.length > 0);
  const shape = clean.map((l) => l.length).join('×');
  const known = ['30×30×30', '36×36', '44×44'];
  if (!known.includes(shape)) {
    return {
      ok: false,
      message: `MRZ of ${clean.length} line(s) with lengths ${shape || '0'} is not TD1 (3×30), TD2 (2×36) or TD3 (2×44)`,
    };
  }
  const bad = clean.findIndex((l) => !/^[A-Z0-9<]+$/.test(l));
  if (bad >= 0)
    return { ok: false, message: `MRZ line ${bad + 1} holds characters other than A–Z, 0–9 and <` };
  let result: ParseResult;
  try {
    result = parse(clean);
  } catch (e) {
    return { ok: false, message: `MRZ unreadable: ${(e as Error).message}` };
  }
  if (result.format !== 'TD1' && result.format !== 'TD2' && result.format !== 'TD3') {
    return { ok: false, message: `MRZ format ${result.format} is not a travel document` };
  }
  const checkDigitFailures = result.details
    .filter((d) => !d.valid && d.field !== null && d.field.endsWith('CheckDigit'))
    .map((d) => ({
      field: d.field as string,
      label: d.label,
      message: d.error ?? 'invalid check digit',
    }));
  // Names: `SURNAME<<GIVEN<NAMES`; take them from the raw zone so fillers are handled one way.
  const nameLine = result.format === 'TD1' ? (clean[2] ?? '') : (clean[0] ?? '').slice(5);
  const [surnameRaw = '', givenRaw = ''] = nameLine.split('<<');
  const sexRaw = result.fields.sex;
  return {
    ok: true,
    data: {
      format: result.format,
      documentCode: raw(result, 'documentCode'),
      issuingState: raw(result, 'issuingState'),
      nationality: raw(result, 'nationality'),
      documentNumber: result.documentNumber ?? raw(result, 'documentNumber').replace(/ /g, ''),
      birthDate: raw(result, 'birthDate'),
      expiryDate: raw(result, 'expirationDate'),
      sex: sexRaw === 'male' ? 'M' : sexRaw === 'female' ? 'F' : 'X',
      surname: surnameRaw.replace(/</g, ' ').trim(),
      given: givenRaw.replace(/</g, ' ').trim(),
    },
    checkDigitFailures,
  };
}
