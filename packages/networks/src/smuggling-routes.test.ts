import { describe, expect, it } from 'vitest';
import { matchRoute, parseSmugglingRouteFile } from './smuggling-routes.ts';

const file = {
  version: '2026-11',
  source: 'exchange under Protocol art. 10 (demo)',
  routes: [{ id: 'IST-EU', origins: ['IST'], destinations: ['AMS', 'CDG'] }],
};

describe('smuggling route files', () => {
  it('accepts a versioned list with its source, from text or object', () => {
    const r = parseSmugglingRouteFile(JSON.stringify(file));
    expect(r.ok && r.value.routes[0]!.id).toBe('IST-EU');
    expect(parseSmugglingRouteFile(file).ok).toBe(true);
    if (r.ok)
      expect(matchRoute(r.value.routes, { origin: 'IST', destination: 'CDG', via: [] })?.id).toBe(
        'IST-EU',
      );
  });

  it('names the path of every problem', () => {
    const r = parseSmugglingRouteFile({ ...file, routes: [{ id: 'X', origins: ['istanbul'] }] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({ code: 'INVALID_ROUTES', path: 'routes.0.origins.0' });
    const noSource = parseSmugglingRouteFile({ version: 'v1', routes: file.routes });
    expect(!noSource.ok && noSource.issues[0]!.path).toBe('source');
    const empty = parseSmugglingRouteFile({ ...file, routes: [] });
    expect(!empty.ok && empty.issues[0]!.path).toBe('routes');
    const twice = parseSmugglingRouteFile({ ...file, routes: [...file.routes, ...file.routes] });
    expect(!twice.ok && twice.issues[0]).toMatchObject({ path: 'routes.1.id' });
    const text = parseSmugglingRouteFile('{"version":');
    expect(!text.ok && text.issues[0]!.message).toMatch(/not valid JSON/);
  });
});
