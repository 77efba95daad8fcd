import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, env, parseConfig } from './config.ts';

const schema = z.object({
  PORT: env.port(8080),
  DATABASE_URL: env.databaseUrl(),
  KAFKA_BROKERS: env.kafkaBrokers().optional(),
  API_SECRET: z.string().min(16),
});

describe('parseConfig', () => {
  it('parses and applies defaults', () => {
    const c = parseConfig(schema, {
      DATABASE_URL: 'pglite:memory',
      API_SECRET: 'x'.repeat(16),
      KAFKA_BROKERS: 'a:9092,b:9093',
    });
    expect(c).toEqual({
      PORT: 8080,
      DATABASE_URL: 'pglite:memory',
      API_SECRET: 'x'.repeat(16),
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
    });
  });

  it('lists every bad variable at once, hiding secret values', () => {
    try {
      parseConfig(schema, {
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        API_SECRET: 'short',
        KAFKA_BROKERS: 'nohost',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.find((p) => p.startsWith('PORT'))).toContain('"abc"');
      expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('postgres://');
      expect(problems.find((p) => p.startsWith('API_SECRET'))).toContain('***');
      expect(problems.find((p) => p.startsWith('KAFKA_BROKERS'))).toContain('host:port');
    }
  });

  it('has no default for secrets: a missing one is named', () => {
    expect(() => parseConfig(schema, { DATABASE_URL: 'pglite:memory' })).toThrow(
      /API_SECRET: .*not set/,
    );
  });
});
