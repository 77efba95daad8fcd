// ICAO Doc 9303 state codes: ISO 3166-1 alpha-3 plus the ICAO-only codes, and the country
// each one belongs to for visa purposes (D → DEU, GBD… → GBR, RKS/UNK → Kosovo's XKX).

/** ISO 3166-1 alpha-3, the 249 officially assigned codes. */
const ISO_ALPHA3 =
  'ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE'.split(
    ' ',
  );

export type StateCodeKind = 'iso' | 'icao' | 'user-assigned';

export interface StateCodeInfo {
  code: string;
  kind: StateCodeKind;
  /** What the code stands for when it is not an ISO country. */
  label?: string;
  /**
   * The key to consult the visa matrix with (an ISO alpha-3, or XKX for Kosovo as the
   * dataset spells it); null for organisations, refugees and stateless persons.
   */
  country: string | null;
}

/** ICAO Doc 9303 Part 3 codes that are not ISO 3166 countries. */
const ICAO_ONLY: readonly [string, string | null, string][] = [
  ['D', 'DEU', 'Germany (MRZ one-letter code)'],
  ['GBD', 'GBR', 'British Overseas Territories Citizen'],
  ['GBN', 'GBR', 'British National (Overseas)'],
  ['GBO', 'GBR', 'British Overseas Citizen'],
  ['GBP', 'GBR', 'British Protected Person'],
  ['GBS', 'GBR', 'British Subject'],
  ['RKS', 'XKX', 'Kosovo'],
  ['UNK', 'XKX', 'Resident of Kosovo (UNMIK travel document)'],
  ['UNO', null, 'United Nations Organization official'],
  ['UNA', null, 'Specialized agency of the United Nations official'],
  ['EUE', null, 'European Union (laissez-passer)'],
  ['XOM', null, 'Sovereign Military Order of Malta'],
  ['XPO', null, 'INTERPOL'],
  ['XBA', null, 'African Development Bank'],
  ['XIM', null, 'African Export-Import Bank'],
  ['XCC', null, 'Caribbean Community (CARICOM)'],
  ['XCE', null, 'Council of Europe'],
  ['XCO', null, 'Common Market for Eastern and Southern Africa'],
  ['XEC', null, 'Economic Community of West African States'],
  ['XES', null, 'Organisation of Eastern Caribbean States'],
  ['XDC', null, 'Southern African Development Community'],
  ['XXA', null, 'Stateless person (1954 Convention)'],
  ['XXB', null, 'Refugee (1951 Convention)'],
  ['XXC', null, 'Refugee (other than 1951 Convention)'],
  ['XXX', null, 'Unspecified nationality'],
];

const TABLE = new Map<string, StateCodeInfo>();
for (const code of ISO_ALPHA3) TABLE.set(code, { code, kind: 'iso', country: code });
for (const [code, country, label] of ICAO_ONLY)
  TABLE.set(code, { code, kind: 'icao', country, label });
// Kosovo has no ISO code; the visa dataset and many issuers use the user-assigned XKX.
TABLE.set('XKX', { code: 'XKX', kind: 'user-assigned', country: 'XKX', label: 'Kosovo' });

/** The code's meaning, or undefined when it is not an ICAO/ISO state code. */
export function lookupStateCode(code: string): StateCodeInfo | undefined {
  return TABLE.get(code);
}

export function isStateCode(code: string): boolean {
  return TABLE.has(code);
}

/** Every known code, in a stable order (used to pack a state into a few bits). */
export const ALL_STATE_CODES: readonly string[] = [...TABLE.keys()];

const INDEX = new Map(ALL_STATE_CODES.map((c, i) => [c, i] as const));

/** Stable small integer for a code, or -1. */
export function stateCodeIndex(code: string): number {
  return INDEX.get(code) ?? -1;
}
