// The denylist a profile is checked against before anything else: attribute names, synonyms
// and SSR codes that reveal a special category of data, sex, or a migrant's vulnerability.
//
// Why a denylist on top of the closed catalogue: an unknown field is already refused, but an
// author who writes `religion` or `MOML` must learn that the field is unlawful, not missing,
// so nobody "fixes" the error by adding it to the catalogue.
//
// Sex: the PNR Directive's list does not name it, but Charter art. 21 forbids discrimination
// on sex and C-817/19 requires non-discriminatory criteria; titles (MR/MRS) reveal it too.
// Paxguard decides that no profile may condition on sex or gender.
//
// Age: the Charter lists it too, and a profile on it would select children or old people;
// birth dates serve only to count minors in a booking, so `age`-like names are refused here.
//
// Vulnerability: smuggled migrants are victims (Protocol art. 5 and 16). A profile that
// scores asylum intent, disability, pregnancy, poverty, an unaccompanied child or a person
// who cannot speak for themselves turns a need for protection into suspicion; such people
// are referred to protection services by other means, never raised in a risk score.

export type ForbiddenCategory =
  | 'race-or-ethnic-origin'
  | 'religion-or-belief'
  | 'political-opinion'
  | 'trade-union-membership'
  | 'health'
  | 'sex-life-or-sexual-orientation'
  | 'sex'
  | 'vulnerability';

const PNR_RULE =
  'EU PNR Directive 2016/681 art. 6(4), 7(6), 13(4); CJEU C-817/19 (Ligue des droits humains, 21 June 2022)';

export const FORBIDDEN_RULE: Readonly<Record<ForbiddenCategory, string>> = {
  'race-or-ethnic-origin': PNR_RULE,
  'religion-or-belief': PNR_RULE,
  'political-opinion': PNR_RULE,
  'trade-union-membership': PNR_RULE,
  health: PNR_RULE,
  'sex-life-or-sexual-orientation': PNR_RULE,
  sex: `${PNR_RULE}; EU Charter of Fundamental Rights art. 21 (Paxguard policy: no profile conditions on sex)`,
  vulnerability:
    'UN Smuggling of Migrants Protocol art. 5 and 16: smuggled migrants are victims; vulnerability is referred to protection, never scored as risk',
};

/** Whole tokens (after splitting camelCase, snake_case, dots) that are forbidden. */
const TOKENS: Readonly<Record<ForbiddenCategory, readonly string[]>> = {
  'race-or-ethnic-origin': [
    'race',
    'racial',
    'ethnic',
    'ethnicity',
    'skin',
    'complexion',
    'tribe',
    'tribal',
    'caste',
    'ancestry',
    'phenotype',
    'skincolour',
    'skincolor',
    'onomastic',
    'nameorigin',
    'surnameorigin',
    'nativelanguage',
    'mothertongue',
  ],
  'religion-or-belief': [
    'religion',
    'religious',
    'faith',
    'belief',
    'beliefs',
    'church',
    'mosque',
    'synagogue',
    'temple',
    'muslim',
    'islam',
    'islamic',
    'christian',
    'jewish',
    'hindu',
    'sikh',
    'buddhist',
    'halal',
    'kosher',
    'meal',
    'meals',
    'mealpreference',
    'mealcode',
    'prayer',
    'hajj',
    'umrah',
    'pilgrim',
    'pilgrimage',
    'philosophical',
    'moml',
    'ksml',
    'hnml',
    'avml',
    'jnml',
    'vjml',
  ],
  'political-opinion': [
    'political',
    'politics',
    'politicalparty',
    'partymembership',
    'opinion',
    'activist',
    'dissident',
    'protest',
  ],
  'trade-union-membership': ['tradeunion', 'unionmember', 'unionmembership'],
  health: [
    'health',
    'medical',
    'meda',
    'medif',
    'disability',
    'disabled',
    'wheelchair',
    'wchr',
    'wchs',
    'wchc',
    'blnd',
    'blind',
    'deaf',
    'dpna',
    'oxyg',
    'oxygen',
    'stcr',
    'stretcher',
    'illness',
    'disease',
    'diagnosis',
    'hiv',
    'pregnant',
    'pregnancy',
    'diabetic',
    'dbml',
    'gfml',
    'lsml',
    'lcml',
    'nlml',
    'lfml',
    'blml',
    'mental',
    'psychiatric',
    'vaccination',
    'vaccine',
    'medication',
    'allergy',
  ],
  'sex-life-or-sexual-orientation': [
    'sexlife',
    'sexual',
    'sexuality',
    'orientation',
    'gay',
    'lesbian',
    'bisexual',
    'transgender',
    'lgbt',
    'lgbtq',
    'lgbtqi',
    'homosexual',
    'heterosexual',
  ],
  sex: ['sex', 'gender', 'male', 'female', 'title', 'honorific'],
  vulnerability: [
    'asylum',
    'refugee',
    'unaccompanied',
    'umnr',
    'vulnerable',
    'vulnerability',
    'victim',
    'trafficked',
    'poverty',
    'poor',
    'income',
    'illiterate',
    'literacy',
    'languagebarrier',
    'interpreter',
    'homeless',
    'orphan',
    'distress',
    'debt',
    'cannotspeak',
    'speaksforthemselves',
    'ageyears',
    'travellerage',
    'birthdate',
    'dateofbirth',
    'dob',
    'elderly',
    'child',
    'children',
  ],
};

/** Stems matched anywhere inside the folded name (long enough not to hit innocent words). */
const STEMS: Readonly<Record<ForbiddenCategory, readonly string[]>> = {
  'race-or-ethnic-origin': ['ethnic', 'racial', 'skincolo'],
  'religion-or-belief': ['religio', 'halal', 'kosher', 'mealpref', 'mealcode'],
  'political-opinion': ['politic'],
  'trade-union-membership': ['tradeunion'],
  health: ['medical', 'wheelchair', 'disabilit', 'pregnan', 'illness', 'diagnos'],
  'sex-life-or-sexual-orientation': ['sexual', 'sexlife', 'orientation', 'lgbt'],
  sex: ['gender'],
  vulnerability: ['asylum', 'refugee', 'unaccompanied', 'vulnerab', 'trafficked'],
};

const TOKEN_INDEX = new Map<string, ForbiddenCategory>();
for (const [category, words] of Object.entries(TOKENS) as [ForbiddenCategory, readonly string[]][])
  for (const w of words) TOKEN_INDEX.set(w, category);

function tokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

export interface ForbiddenMatch {
  readonly category: ForbiddenCategory;
  readonly term: string;
  readonly rule: string;
}

/** Whether an attribute name or a condition value reveals a forbidden category. */
export function forbiddenAttribute(name: string): ForbiddenMatch | undefined {
  const parts = tokens(name);
  const joined = parts.join('');
  // Most specific first: the whole name, then adjacent pairs (`sex_life`, `trade union`), then words.
  const candidates = [joined];
  for (let i = 0; i + 1 < parts.length; i++) candidates.push(`${parts[i]}${parts[i + 1]}`);
  candidates.push(...parts);
  for (const c of candidates) {
    const category = TOKEN_INDEX.get(c);
    if (category) return { category, term: c, rule: FORBIDDEN_RULE[category] };
  }
  for (const [category, stems] of Object.entries(STEMS) as [ForbiddenCategory, readonly string[]][])
    for (const stem of stems)
      if (joined.includes(stem)) return { category, term: stem, rule: FORBIDDEN_RULE[category] };
  return undefined;
}
