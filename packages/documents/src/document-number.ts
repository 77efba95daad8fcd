// Document numbers as lists and manifests spell them differently: one canonical form so that
// "AB 12-345", "ab12345" and "A8O12"-style O/0 confusions meet.

/**
 * Upper-cases, drops separators (space, -, /, ., <, _), and folds the letters most often
 * confused with digits: O → 0, I → 1 (ICAO 9303 forbids neither, but issuers avoid mixing them). Folding loses information on purpose: a
 * lookup must not miss a stolen passport because a clerk typed O for 0.
 */
export function normaliseDocumentNumber(raw: string): string {
  // Most numbers are already canonical: return them without building a new string.
  let canonical = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c !== 73 && c !== 79))) {
      canonical = false;
      break;
    }
  }
  if (canonical) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c >= 48 && c <= 57) out += String.fromCharCode(c);
    else if (c >= 65 && c <= 90) {
      if (c === 79) out += '0';
      else if (c === 73) out += '1';
      else out += String.fromCharCode(c);
    }
    // Anything else is a separator or noise.
  }
  return out;
}

/** True when the raw number has characters other than letters, digits and separators. */
export function hasForeignCharacters(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const letter = (c | 32) >= 97 && (c | 32) <= 122;
    const digit = c >= 48 && c <= 57;
    // space - / . < _
    const separator = c === 32 || c === 45 || c === 47 || c === 46 || c === 60 || c === 95;
    if (!letter && !digit && !separator) return true;
  }
  return false;
}
