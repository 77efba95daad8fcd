// Document numbers as lists and manifests spell them differently: one canonical form so that
// "AB 12-345", "ab12345" and "A8O12"-style O/0 confusions meet.

/**
 * Upper-cases, drops separators (space, -, /, ., <, _), and folds the letters most often
 * confused with digits: O → 0, I → 1 (ICAO 9303 forbids neither, but issuers avoid mixing them). Folding loses information on purpose: a
 * lookup must not miss a stolen passport because a clerk typed O for 0.
 */
export function normaliseDocumentNumber(raw: string): string {
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
  return /[^A-Za-z0-9 \-/.<_]/.test(raw);
}
