// @paxguard/sanctions: carrier sanctions as pure functions — arrival outcomes, infringement rules,
// jurisdiction profiles, penalty computation, the case state machine, scorecards and exports.
export * from './problem.ts';
export * from './money.ts';
export * from './codes.ts';
export { isRealInstant } from './instant.ts';
export * from './arrival-outcome.ts';
export * from './carrier-facts.ts';
export * from './infringement.ts';
export * from './infringement-rules.ts';
export * from './jurisdiction-schema.ts';
export * from './exemption-rules.ts';
export * from './penalty-calculator.ts';
export * from './penalty-computation.ts';
export * from './case-model.ts';
export * from './case-machine.ts';
export * from './case-drafting.ts';
export * from './case-demo.ts';
export * from './scorecard.ts';
export * from './register-export.ts';
export * from './notice-renderer.ts';
export * from './case-access.ts';
export * from './case-deadlines.ts';
