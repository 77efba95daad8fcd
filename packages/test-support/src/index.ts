export { testPostgres, stopTestPostgres, type TestPostgres } from './postgres.ts';
export { testKafka, type TestKafka } from './kafka.ts';
export { dockerAvailable } from './docker.ts';
