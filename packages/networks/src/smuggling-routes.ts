// Known smuggling routes, passed in as reference data (JSON text or objects) and matched
// against a booking's outbound route. The package ships no list: the agency supplies it.
import { z } from 'zod';

const Code = z.string().regex(/^[A-Z0-9]{3}$/, 'expected a 3-character IATA airport code');

export const SmugglingRoute = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().optional(),
    /** Any of these as first departure; absent means any origin. */
    origins: z.array(Code).min(1).optional(),
    destinations: z.array(Code).min(1).optional(),
    /** At least one of these as a transit point; absent means direct or any. */
    via: z.array(Code).min(1).optional(),
    /** Where the route comes from (report, exchange under Protocol art. 10), for the evidence. */
    source: z.string().optional(),
  })
  .refine((r) => r.origins || r.destinations || r.via, {
    message: 'a route needs at least one of origins, destinations, via',
  });
export type SmugglingRoute = z.infer<typeof SmugglingRoute>;

export const SmugglingRouteList = z.array(SmugglingRoute);

type RouteIssue = { code: 'INVALID_ROUTES'; message: string; path: string };
type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly RouteIssue[] };

export type RouteListResult = Parsed<readonly SmugglingRoute[]>;

/** JSON text or an object through a schema; every issue with its dotted path. */
function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input) as unknown;
    } catch (e) {
      return {
        ok: false,
        issues: [
          { code: 'INVALID_ROUTES', message: `not valid JSON: ${(e as Error).message}`, path: '' },
        ],
      };
    }
  }
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({
      code: 'INVALID_ROUTES' as const,
      message: i.message,
      path: i.path.map(String).join('.'),
    })),
  };
}

export function parseSmugglingRoutes(input: unknown): RouteListResult {
  return parseWith(SmugglingRouteList, input);
}

/**
 * The route list as an agency manages it: a named version, where it comes from, the routes.
 * Versions are kept; the newest stored one is in force.
 */
export const SmugglingRouteFile = z.strictObject({
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a version like 2026-11 or v3'),
  /** e.g. an exchange under Protocol art. 10, a UNODC or Frontex risk analysis */
  source: z.string().min(1).max(500),
  routes: SmugglingRouteList.min(1),
});
export type SmugglingRouteFile = z.infer<typeof SmugglingRouteFile>;

export type RouteFileResult = Parsed<SmugglingRouteFile>;

/** Parses a route-list file (JSON text or object); every issue names its path. */
export function parseSmugglingRouteFile(input: unknown): RouteFileResult {
  const r = parseWith(SmugglingRouteFile, input);
  if (!r.ok) return r;
  const seen = new Set<string>();
  for (const [i, route] of r.value.routes.entries()) {
    if (seen.has(route.id))
      return {
        ok: false,
        issues: [
          {
            code: 'INVALID_ROUTES',
            message: `route id ${route.id} appears twice`,
            path: `routes.${i}.id`,
          },
        ],
      };
    seen.add(route.id);
  }
  return r;
}

export function matchRoute(
  routes: readonly SmugglingRoute[],
  route: { origin: string; destination: string; via: readonly string[] } | undefined,
): SmugglingRoute | undefined {
  if (!route) return undefined;
  return routes.find(
    (r) =>
      (!r.origins || r.origins.includes(route.origin)) &&
      (!r.destinations || r.destinations.includes(route.destination)) &&
      (!r.via || r.via.some((v) => route.via.includes(v))),
  );
}
