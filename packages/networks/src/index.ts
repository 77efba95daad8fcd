// Link analysis across bookings: normalised shared identifiers in a sliding window,
// connected groups, facilitator patterns, and findings that point at the facilitator.
export * from './identifier-normaliser.ts';
export * from './booking-record.ts';
export * from './union-find.ts';
export * from './network-window.ts';
export * from './smuggling-routes.ts';
export * from './subgraph-builder.ts';
export * from './facilitator-patterns.ts';
export * from './network-findings.ts';
