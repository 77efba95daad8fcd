// Runs a matcher over the evaluation set and counts recall per class, precision and the
// false-alert rate, plus per-traveller latency for the throughput figures.

export interface ClassScore {
  total: number;
  found: number;
}

export interface EvalReport {
  recall: Map<string, ClassScore>;
  negatives: number;
  negativesAlerted: number;
  /** Negatives that are indistinguishable namesakes of a listed person (see namesakes.ts). */
  namesakes: number;
  namesakesAlerted: number;
  hitsTotal: number;
  hitsCorrect: number;
  latenciesMs: Float64Array;
  seconds: number;
}

export function newReport(n: number): EvalReport {
  return {
    recall: new Map(),
    negatives: 0,
    negativesAlerted: 0,
    namesakes: 0,
    namesakesAlerted: 0,
    hitsTotal: 0,
    hitsCorrect: 0,
    latenciesMs: new Float64Array(n),
    seconds: 0,
  };
}

export function record(
  r: EvalReport,
  cls: string,
  target: string | undefined,
  ids: readonly string[],
  namesake = false,
): void {
  r.hitsTotal += ids.length;
  if (cls === 'negative') {
    r.negatives++;
    if (ids.length > 0) r.negativesAlerted++;
    if (namesake) {
      r.namesakes++;
      if (ids.length > 0) r.namesakesAlerted++;
    }
    return;
  }
  const s = r.recall.get(cls) ?? { total: 0, found: 0 };
  s.total++;
  if (target !== undefined && ids.includes(target)) {
    s.found++;
    r.hitsCorrect++;
  }
  r.recall.set(cls, s);
}

export function percentile(xs: Float64Array, p: number): number {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)} %`);
