export {
  parseConfig,
  loadConfigOrExit,
  ConfigError,
  env,
  kafkaConsumerEnv,
  kafkaConsumerOptions,
} from './config.ts';
export { createLogger, REDACTED_PATHS, type Logger } from './logger.ts';
export { createShutdown, type Shutdown } from './shutdown.ts';
export {
  PermanentError,
  type Bus,
  type BusMessage,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
  type DeadLetterSink,
} from './bus/bus.ts';
export { createMemoryBus } from './bus/memory-bus.ts';
export { createKafkaBus, type KafkaBusOptions } from './bus/kafka-bus.ts';
export { publishEnvelopes, decodeEvent, envelopeHeaders } from './bus/events.ts';
export {
  createHttpServer,
  UnavailableError,
  UnauthenticatedError,
  type App,
} from './http/server.ts';
export { registerHealth, type HealthCheck } from './http/health.ts';
