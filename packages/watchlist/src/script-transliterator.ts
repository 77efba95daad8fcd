// Any script to the MRZ alphabet (A–Z, space, hyphen): ICAO Doc 9303 part 3 tables for
// Latin, Cyrillic and Greek, and a consonantal romanisation for Arabic and Persian script.
import { ICAO_CYRILLIC, ICAO_LATIN } from '@paxguard/domain';

const LATIN = ICAO_LATIN;
const CYRILLIC = ICAO_CYRILLIC;

const GREEK: Record<string, string> = {
  Α: 'A',
  Β: 'V',
  Γ: 'G',
  Δ: 'D',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'I',
  Θ: 'TH',
  Ι: 'I',
  Κ: 'K',
  Λ: 'L',
  Μ: 'M',
  Ν: 'N',
  Ξ: 'X',
  Ο: 'O',
  Π: 'P',
  Ρ: 'R',
  Σ: 'S',
  Τ: 'T',
  Υ: 'Y',
  Φ: 'F',
  Χ: 'CH',
  Ψ: 'PS',
  Ω: 'O',
};
const GREEK_PAIRS: Record<string, string> = { ΟΥ: 'OU', ΑΥ: 'AV', ΕΥ: 'EV', ΑΙ: 'AI', ΕΙ: 'EI' };

/** Arabic script (with Persian and Urdu letters) → Latin consonant skeleton plus long vowels. */
const ARABIC: Record<string, string> = {
  ا: 'A',
  أ: 'A',
  إ: 'I',
  آ: 'A',
  ٱ: 'A',
  ب: 'B',
  ت: 'T',
  ث: 'TH',
  ج: 'J',
  ح: 'H',
  خ: 'KH',
  د: 'D',
  ذ: 'DH',
  ر: 'R',
  ز: 'Z',
  س: 'S',
  ش: 'SH',
  ص: 'S',
  ض: 'D',
  ط: 'T',
  ظ: 'Z',
  ع: '',
  غ: 'GH',
  ف: 'F',
  ق: 'Q',
  ك: 'K',
  ل: 'L',
  م: 'M',
  ن: 'N',
  ه: 'H',
  ة: 'A',
  ى: 'A',
  ء: '',
  ئ: 'I',
  ؤ: 'U',
  پ: 'P',
  چ: 'CH',
  ژ: 'ZH',
  گ: 'G',
  ک: 'K',
  ی: 'Y',
  ي: 'Y',
  و: 'W',
  ٹ: 'T',
  ڈ: 'D',
  ڑ: 'R',
  ں: 'N',
  ھ: 'H',
  ہ: 'H',
  ے: 'E',
};

/** Fold Latin: ICAO special letters, then strip remaining combining marks. */
function foldLatin(s: string): string {
  let out = '';
  // Umlauts written decomposed (U + U+0308) fold like the composed ones.
  const composed = s.normalize('NFC');
  for (const ch of composed) {
    const up = ch === 'ß' || ch === 'ı' || ch === 'ſ' ? ch : ch.toUpperCase();
    out += LATIN[up] ?? up;
  }
  return out.normalize('NFD').replace(/\p{M}/gu, '');
}

function transliterateGreek(word: string): string {
  const up = word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/ς/g, 'Σ');
  let out = '';
  for (let i = 0; i < up.length; i++) {
    const pair = GREEK_PAIRS[up.slice(i, i + 2)];
    if (pair) {
      out += pair;
      i++;
      continue;
    }
    const c = up[i] ?? '';
    out += GREEK[c] ?? c;
  }
  return out;
}

function transliterateArabic(word: string): string {
  const letters = [...word.replace(/[\u064B-\u065F\u0670\u0640]/g, '')];
  let out = '';
  letters.forEach((c, i) => {
    const prev = letters[i - 1];
    // The definite article is written joined; make it the separate particle Latin uses.
    if (i === 0 && c === 'ا' && letters[1] === 'ل' && letters.length > 3) {
      out += 'AL ';
      return;
    }
    if (i === 1 && c === 'ل' && letters[0] === 'ا' && letters.length > 3) return;
    // Ain at the start of a name is written A in Latin (Ali, Omar, Abd).
    if (c === 'ع' && i === 0) {
      out += 'A';
      return;
    }
    // Waw and ya after a consonant are long vowels; at the start they are consonants.
    if (c === 'و') out += i === 0 ? 'W' : 'U';
    else if (c === 'ي' || c === 'ی') out += i === 0 ? 'Y' : prev === 'ا' ? 'Y' : 'I';
    else out += ARABIC[c] ?? c;
  });
  return out;
}

/** Words repeat across travellers and lists: a bounded memo of this pure function. */
const WORDS = new Map<string, string>();

function transliterateWord(w: string): string {
  const known = WORDS.get(w);
  if (known !== undefined) return known;
  let out = '';
  if (/\p{Script=Cyrillic}/u.test(w)) {
    for (const ch of w.toUpperCase()) out += CYRILLIC[ch] ?? foldLatin(ch);
  } else if (/\p{Script=Greek}/u.test(w)) out = transliterateGreek(w);
  else if (/\p{Script=Arabic}/u.test(w)) out = transliterateArabic(w);
  else out = foldLatin(w);
  if (WORDS.size >= 200_000) WORDS.clear();
  WORDS.set(w, out);
  return out;
}

/** Upper-case MRZ-alphabet text: A–Z, digits kept for OCR repair, space as separator. */
export function transliterateToLatin(text: string): string {
  // Apostrophes join (O'Brien, Sa'ad), every other punctuation separates.
  const words = text
    .normalize('NFKC')
    .replace(/['’`ʼʻ]/gu, '')
    .split(/([\s,;<\-–‐.·/()]+)/u);
  let out = '';
  for (const w of words) {
    if (/^[\s,;<\-–‐.·/()]+$/u.test(w)) {
      out += w.includes(',') ? ',' : w.includes('<<') ? ',' : ' ';
      continue;
    }
    out += transliterateWord(w);
  }
  return out.replace(/[^A-Z0-9, ]/g, '');
}
