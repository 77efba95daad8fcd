// One pino logger per process. Personal data never reaches the logs: the paths below are
// censored wherever they appear in a logged object.
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.apiKey',
  '*.token',
  '*.password',
  '*.surname',
  '*.given',
  '*.givenNames',
  '*.name.surname',
  '*.name.given',
  '*.birthDate',
  '*.documents',
  '*.number',
  '*.documentNumber',
  '*.email',
  '*.emails',
  '*.phone',
  '*.phones',
  '*.address',
  '*.raw',
  '*.travellers',
  'traveller',
  'travellers',
  'manifest.travellers',
];

export function createLogger(opts: {
  service: string;
  level?: string;
  destination?: NodeJS.WritableStream;
}): Logger {
  return pino(
    {
      name: opts.service,
      level: opts.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: opts.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination as pino.DestinationStream | undefined,
  );
}
