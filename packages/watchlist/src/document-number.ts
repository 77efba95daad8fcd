// Document numbers compared the way OCR and keyboards garble them: confusable letters and
// digits fold to one character, separators and MRZ fillers vanish.

const CONFUSABLE: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};

/** The comparison key of a document number, or undefined when too short to mean anything. */
export function documentKey(number: string): string | undefined {
  const plain = number.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (plain.length < 5) return undefined;
  let key = '';
  for (const c of plain) key += CONFUSABLE[c] ?? c;
  return key;
}

export function plainDocumentNumber(number: string): string {
  return number.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
