// Risk profiles: a closed catalogue of derived traveller features, a schema that refuses
// special-category and vulnerability attributes, compiled predicates, approval and back-test.
export * from './feature-catalogue.ts';
export * from './feature-deriver.ts';
export * from './forbidden-attributes.ts';
export * from './profile-issues.ts';
export type { Comparator, Condition } from './condition-checker.ts';
export * from './profile-schema.ts';
export * from './profile-parser.ts';
export * from './profile-compiler.ts';
export * from './profile-approval.ts';
export * from './profile-findings.ts';
export * from './profile-backtest.ts';
