// Reference data storage (watchlists, risk profiles, entry rules, lost/stolen lists, authorisations).
export {};
