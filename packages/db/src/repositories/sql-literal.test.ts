// sqlLiteral must produce exactly the driver's escaping, for any text.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sqlLiteral } from './interactive-repository.ts';

describe('sqlLiteral', () => {
  it('is pg.escapeLiteral, character for character', () => {
    const alphabet = ["'", '\\', '"', 'a', 'é', '€', '𝄞', '\n', ' ', 'E', '{', '}'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const samples = ['', "'", '\\', "\\'", 'plain', '{"a":"b\\"c"}', "O'Brien \\ path"];
    for (let i = 0; i < 2000; i++)
      samples.push(
        Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join(''),
      );
    for (const s of samples) expect(sqlLiteral(s)).toBe(pg.escapeLiteral(s));
  });
});
