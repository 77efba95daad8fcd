// The passport × destination visa matrix (Passport Index tidy CSV), parsed from text by a pure
// function so the service decides where the file comes from.

export type MatrixRequirement =
  | { kind: 'visa-free'; days?: number }
  | { kind: 'visa-on-arrival' }
  | { kind: 'e-visa' }
  | { kind: 'eta' }
  | { kind: 'visa-required' }
  | { kind: 'no-admission' }
  | { kind: 'own-country' };

export interface VisaMatrix {
  /** Key: passport country + destination, 6 letters (`DEUUSA`). */
  readonly entries: ReadonlyMap<string, MatrixRequirement>;
  /** The same, nested by passport then destination (no key string built per lookup). */
  readonly byPassport: ReadonlyMap<string, ReadonlyMap<string, MatrixRequirement>>;
  readonly passports: ReadonlySet<string>;
  readonly destinations: ReadonlySet<string>;
}

export interface CsvIssue {
  line: number;
  code: 'CSV_HEADER' | 'CSV_COLUMNS' | 'CSV_CODE' | 'CSV_VALUE' | 'CSV_DUPLICATE';
  message: string;
}

export type VisaMatrixResult =
  { ok: true; matrix: VisaMatrix; issues: CsvIssue[] } | { ok: false; issues: CsvIssue[] };

const SHARED: Record<string, MatrixRequirement> = {
  'visa free': { kind: 'visa-free' },
  'visa on arrival': { kind: 'visa-on-arrival' },
  'e-visa': { kind: 'e-visa' },
  eta: { kind: 'eta' },
  'visa required': { kind: 'visa-required' },
  'no admission': { kind: 'no-admission' },
  '-1': { kind: 'own-country' },
};

function parseValue(raw: string): MatrixRequirement | undefined {
  const v = raw.trim().toLowerCase();
  const known = SHARED[v];
  if (known) return known;
  if (/^\d{1,4}$/.test(v)) return { kind: 'visa-free', days: Number(v) };
  return undefined;
}

/**
 * Parses `Passport,Destination,Requirement` rows. Rows it cannot read are reported with their
 * line and skipped; a file with no usable row, or a wrong header, is rejected outright.
 */
export function parseVisaMatrixCsv(text: string): VisaMatrixResult {
  const issues: CsvIssue[] = [];
  const entries = new Map<string, MatrixRequirement>();
  const byPassport = new Map<string, Map<string, MatrixRequirement>>();
  const passports = new Set<string>();
  const destinations = new Set<string>();
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase();
  if (header !== 'passport,destination,requirement') {
    return {
      ok: false,
      issues: [
        {
          line: 1,
          code: 'CSV_HEADER',
          message: `expected header "Passport,Destination,Requirement", found "${lines[0] ?? ''}"`,
        },
      ],
    };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cols = line.split(',');
    if (cols.length !== 3) {
      issues.push({
        line: i + 1,
        code: 'CSV_COLUMNS',
        message: `expected 3 columns, found ${cols.length}`,
      });
      continue;
    }
    const [p = '', d = '', r = ''] = cols.map((c) => c.trim());
    if (!/^[A-Z]{3}$/.test(p) || !/^[A-Z]{3}$/.test(d)) {
      issues.push({
        line: i + 1,
        code: 'CSV_CODE',
        message: `"${p}" / "${d}" are not alpha-3 codes`,
      });
      continue;
    }
    const value = parseValue(r);
    if (!value) {
      issues.push({ line: i + 1, code: 'CSV_VALUE', message: `unknown requirement "${r}"` });
      continue;
    }
    const key = p + d;
    if (entries.has(key)) {
      issues.push({
        line: i + 1,
        code: 'CSV_DUPLICATE',
        message: `${p} → ${d} appears twice; the first row wins`,
      });
      continue;
    }
    entries.set(key, value);
    let row = byPassport.get(p);
    if (!row) byPassport.set(p, (row = new Map()));
    row.set(d, value);
    passports.add(p);
    destinations.add(d);
  }
  if (entries.size === 0) {
    issues.push({ line: lines.length, code: 'CSV_COLUMNS', message: 'no usable row' });
    return { ok: false, issues };
  }
  return { ok: true, matrix: { entries, byPassport, passports, destinations }, issues };
}

export function matrixRequirement(
  matrix: VisaMatrix,
  passport: string,
  destination: string,
): MatrixRequirement | undefined {
  if (passport === destination) return { kind: 'own-country' };
  return matrix.byPassport.get(passport)?.get(destination);
}
