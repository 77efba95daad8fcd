// Renders a Latin name in Cyrillic, Greek or Arabic letters, the way aliases arrive from
// lists kept in those scripts; crude by design (demo data), the matcher transliterates back.
const CYRILLIC: Record<string, string> = {
  A: 'А',
  B: 'Б',
  C: 'К',
  D: 'Д',
  E: 'Е',
  F: 'Ф',
  G: 'Г',
  H: 'Х',
  I: 'И',
  J: 'Дж',
  K: 'К',
  L: 'Л',
  M: 'М',
  N: 'Н',
  O: 'О',
  P: 'П',
  Q: 'К',
  R: 'Р',
  S: 'С',
  T: 'Т',
  U: 'У',
  V: 'В',
  W: 'В',
  X: 'Кс',
  Y: 'Й',
  Z: 'З',
};
const GREEK: Record<string, string> = {
  A: 'Α',
  B: 'Β',
  C: 'Κ',
  D: 'Δ',
  E: 'Ε',
  F: 'Φ',
  G: 'Γ',
  H: 'Χ',
  I: 'Ι',
  J: 'Τζ',
  K: 'Κ',
  L: 'Λ',
  M: 'Μ',
  N: 'Ν',
  O: 'Ο',
  P: 'Π',
  Q: 'Κ',
  R: 'Ρ',
  S: 'Σ',
  T: 'Τ',
  U: 'Ου',
  V: 'Β',
  W: 'Ου',
  X: 'Ξ',
  Y: 'Υ',
  Z: 'Ζ',
};
// Arabic script writes few short vowels: drop them inside words, as real lists do.
const ARABIC: Record<string, string> = {
  A: 'ا',
  B: 'ب',
  C: 'ك',
  D: 'د',
  E: 'ي',
  F: 'ف',
  G: 'ج',
  H: 'ه',
  I: 'ي',
  J: 'ج',
  K: 'ك',
  L: 'ل',
  M: 'م',
  N: 'ن',
  O: 'و',
  P: 'ب',
  Q: 'ق',
  R: 'ر',
  S: 'س',
  T: 'ت',
  U: 'و',
  V: 'ف',
  W: 'و',
  X: 'كس',
  Y: 'ي',
  Z: 'ز',
};

export type Script = 'cyrillic' | 'greek' | 'arabic';

function word(w: string, script: Script): string {
  const up = w.toUpperCase();
  const table = script === 'cyrillic' ? CYRILLIC : script === 'greek' ? GREEK : ARABIC;
  let out = '';
  for (let i = 0; i < up.length; i++) {
    const ch = up[i]!;
    if (script === 'arabic' && i > 0 && i < up.length - 1 && 'AEIOU'.includes(ch)) continue;
    out += table[ch] ?? '';
  }
  if (script === 'arabic') return out;
  const first = out.slice(0, 1);
  return first + out.slice(1).toLowerCase();
}

export function inScript(name: string, script: Script): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => word(w, script))
    .join(' ');
}
