// A consonant-skeleton phonetic key tuned for names that reached Latin through different
// transliteration schemes: Mohammed/Muhammad/Mohamed → MHMD, Shevchenko/Chevtchenko → SFSNK.

/** Letter groups that different romanisations use for one sound, longest first. */
const GROUPS: [RegExp, string][] = [
  [/SHCH|TSCH|SCH|TCH|TSH|DZH/g, '§'],
  [/^X/, 'S'],
  [/X/g, 'KS'],
  [/DJ|DZ|J/g, 'J'],
  [/CH|SH|ZH|CZ|SZ|TS|TZ/g, 'S'],
  [/C(?=[EIY])/g, 'S'],
  [/CK|C|Q/g, 'K'],
  [/KH/g, 'H'],
  [/PH|V|W/g, 'F'],
  [/([BDGJT])H/g, '$1'],
  [/Z/g, 'S'],
];

/**
 * The key: initial vowel (or Y before a vowel) becomes A, later vowels, Y and a final H
 * drop, sound groups merge, doubled letters collapse.
 */
export function skeletonKey(token: string): string {
  if (token.length === 0) return '';
  // Final H is silent or a ta marbuta in every source script (Abdullah/Abdulla, Taha).
  let s = (token.length > 2 ? token.replace(/H$/, '') : token).replace(/IJ$/, 'I');
  for (const [re, to] of GROUPS) s = s.replace(re, to);
  s = s.replace(/§/g, 'S');
  let out = /^[AEIOU]|^Y(?=[AEIOU])/.test(s) ? 'A' : (s[0] ?? '');
  for (let i = 1; i < s.length; i++) {
    const c = s[i] ?? '';
    if ('AEIOUY'.includes(c)) continue;
    if (c !== out[out.length - 1]) out += c;
  }
  return out;
}
