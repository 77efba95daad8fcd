// ICAO Doc 9303 Part 3 §4.9 check digit: weights 7, 3, 1; `<` = 0, 0–9 as such, A–Z = 10–35.

/** The check digit of an MRZ field, or -1 if the field holds a character the MRZ cannot. */
export function checkDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55;
    else if (c === 60) v = 0;
    else return -1;
    sum += v * (weights[i % 3] as number);
  }
  return sum % 10;
}
