export { airportState, airportStates } from './airport-states.ts';
