// API infringement rules: passenger data not transmitted, late against the jurisdiction's
// deadline, incomplete at the deadline, or contradicted at arrival.
import type { Infringement } from './infringement.ts';
import { MINUTE_MS, ms } from './instant.ts';
import type { Rule } from './rule-support.ts';
import { apiDeadline, makeInfringement as make } from './rule-support.ts';

export const apiNotTransmitted: Rule = (f, ctx, ix) => {
  if (ctx.asOf.getTime() <= apiDeadline(f, ctx) || ix.lists.length > 0) return [];
  const flown = ix.flown;
  const persons = Math.max(
    flown.size,
    f.travellers.filter((t) => t.role.includes('passenger')).length,
    1,
  );
  return [
    make(f, 'API_NOT_TRANSMITTED', {
      persons,
      evidence: [...flown.values()].flat(),
      message: `${f.flight.key}: no passenger data was received for the flight (${persons} traveller(s) known).`,
    }),
  ];
};

export const apiLate: Rule = (f, ctx, ix) => {
  const first = ix.lists[0];
  const deadline = apiDeadline(f, ctx);
  if (!first || ms(first.receivedAt) <= deadline) return [];
  const late = Math.ceil((ms(first.receivedAt) - deadline) / MINUTE_MS);
  return [
    make(f, 'API_LATE', {
      evidence: [first.id],
      message: `${f.flight.key}: the first passenger list (${first.id}) arrived ${late} minute(s) after the deadline of ${new Date(deadline).toISOString()}.`,
    }),
  ];
};

export const apiIncomplete: Rule = (f, ctx, ix) => {
  const lists = ix.lists;
  const onTime = lists.filter((s) => ms(s.receivedAt) <= apiDeadline(f, ctx));
  const judged = onTime.length ? onTime : lists.slice(0, 1);
  const latest = judged[judged.length - 1];
  if (!latest) return [];
  const reasons: string[] = [];
  const affected = new Set<string>();
  if (latest.declaredCount !== undefined && latest.declaredCount !== latest.travellerIds.length)
    reasons.push(
      `declared ${latest.declaredCount} traveller(s) but listed ${latest.travellerIds.length}`,
    );
  if (latest.missingElements.length) {
    const elements = [...new Set(latest.missingElements.map((m) => m.element))].sort();
    reasons.push(`required element(s) missing: ${elements.join(', ')}`);
    for (const m of latest.missingElements) if (m.travellerId) affected.add(m.travellerId);
  }
  const listed = new Set(judged.flatMap((s) => s.travellerIds));
  const omitted: string[] = [];
  const omittedEvidence: string[] = [];
  for (const [id, ev] of ix.flown) {
    const role = ix.roles.get(id) ?? 'passenger';
    if (!role.includes('passenger') || listed.has(id)) continue;
    omitted.push(id);
    omittedEvidence.push(...ev);
    affected.add(id);
  }
  if (omitted.length)
    reasons.push(`traveller(s) who flew but were not listed: ${omitted.sort().join(', ')}`);
  if (!reasons.length) return [];
  return [
    make(f, 'API_INCOMPLETE', {
      persons: Math.max(affected.size, 1),
      evidence: [...judged.map((s) => s.id), ...omittedEvidence],
      message: `${f.flight.key}: passenger data as it stood at the deadline was incomplete: ${reasons.join('; ')}.`,
    }),
  ];
};

export const apiIncorrect: Rule = (f, _ctx, ix) => {
  const out: Infringement[] = [];
  const seen = new Set<string>();
  for (const o of f.outcomes) {
    if (!o.apiDiscrepancies.length || seen.has(o.travellerId)) continue;
    seen.add(o.travellerId);
    const what = o.apiDiscrepancies.map(
      (d) => `${d.element} reported "${d.reported}", seen "${d.observed}"`,
    );
    out.push(
      make(f, 'API_INCORRECT', {
        travellerId: o.travellerId,
        evidence: [
          o.id,
          ...ix.lists.filter((s) => s.travellerIds.includes(o.travellerId)).map((s) => s.id),
        ],
        message: `${f.flight.key}: data for traveller ${o.travellerId} was contradicted at arrival (${what.join('; ')}).`,
      }),
    );
  }
  return out;
};
