// A consonant-skeleton phonetic key tuned for names that reached Latin through different
// transliteration schemes: Mohammed/Muhammad/Mohamed → MHMD, Shevchenko/Chevtchenko → SFSNK.

/** Letter groups that different romanisations use for one sound, longest first. */
const GROUPS: [RegExp, string][] = [
  [/SHCH|TSCH|SCH|TCH|TSH|DZH/g, '§'],
  // Wade-Giles HS and pinyin X are one sound; X elsewhere is KS.
  [/^HS|^X/, '§'],
  [/X/g, 'KS'],
  // German-scheme Cyrillic writes the soft vowels JA/JO/JU/JE: a J before a vowel is Y.
  [/DJ|DZ/g, '§'],
  [/J(?=[AEIOU])/g, 'Y'],
  [/J/g, '§'],
  [/CH|SH|ZH|CZ|SZ|TS|TZ/g, '§'],
  [/C(?=[EIY])/g, '§'],
  [/CK|C|Q/g, 'K'],
  [/KH/g, 'H'],
  [/PH|V|W/g, 'F'],
  [/([BDGT])H/g, '$1'],
  [/Z/g, '§'],
];

const VOWELS = 'AEIOUY';

/**
 * The key: an initial vowel (or Y/J before a vowel: Yuri, Jurij, Iurii) becomes A, later
 * vowels and a final H drop, sound groups merge, letters doubled in the spelling collapse.
 */
export function skeletonKey(token: string): string {
  const known = MEMO.get(token);
  if (known !== undefined) return known;
  const key = computeSkeletonKey(token);
  // Names repeat (a few tens of thousands of distinct tokens): a bounded memo of a pure
  // function, cleared when full, keeps the regex passes off the screening hot path.
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(token, key);
  return key;
}

const MEMO = new Map<string, string>();
const MEMO_LIMIT = 200_000;

function computeSkeletonKey(token: string): string {
  if (token.length === 0) return '';
  // Final H is silent or a ta marbuta in every source script (Abdullah/Abdulla, Taha).
  // Not after a letter it forms a digraph with (-VICH, SHAH, -KH).
  let s = (token.length > 2 ? token.replace(/([^CSKGZPTDB])H$/, '$1') : token).replace(/IJ$/, 'I');
  // French spelling writes W before a vowel as OU (OUALID, AOUAD, HAOUA).
  s = s.replace(/^OU(?=[AEI])/, 'W').replace(/([AEIOU])OU(?=[AEI])/g, '$1W');
  const initialVowel = /^[AEIOU]|^[YJ](?=[AEIOU])/.test(s);
  if (initialVowel) s = 'A' + s.slice(1);
  for (const [re, to] of GROUPS) s = s.replace(re, to);
  let out = initialVowel ? 'A' : s[0] === '§' ? 'S' : (s[0] ?? '');
  let prev = s[0] ?? '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== prev && !VOWELS.includes(c)) out += c === '§' ? 'S' : c;
    prev = c;
  }
  return out;
}
