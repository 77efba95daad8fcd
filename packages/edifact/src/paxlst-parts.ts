// Multi-part PAXLST (UNH S010 `01:C` … `NN:F`): reassembly of the parts in any arrival
// order, and a pure assembler that reports missing parts once the caller's clock says so.
import type { Manifest } from '@paxguard/domain';
import { IssueSink, type DecodeResult } from './codec-issues.ts';
import type { PaxlstMessage } from './paxlst-decoder.ts';

function missingParts(numbers: Set<number>, final: number | undefined): number[] {
  const top = final ?? Math.max(0, ...numbers);
  const missing: number[] = [];
  for (let n = 1; n <= top; n++) if (!numbers.has(n)) missing.push(n);
  return missing;
}

/** Joins the parts of one multi-part message (any order) into one Manifest. */
export function assembleParts(parts: PaxlstMessage[]): DecodeResult<Manifest> {
  const sink = new IssueSink(true);
  const placeholder = undefined as unknown as Manifest;
  if (!Array.isArray(parts) || parts.length === 0) {
    sink.error('PARTS_EMPTY', 'No parts were given.');
    return sink.result(placeholder);
  }
  const first = parts[0]!;
  if (parts.length === 1 && !first.part) return sink.result(first.manifest);
  const ref = first.part?.messageRef;
  const byNumber = new Map<number, PaxlstMessage>();
  let final: number | undefined;
  for (const p of parts) {
    if (!p.part) {
      sink.error(
        'PART_NUMBER_MISSING',
        `Message ${p.manifest.messageRef ?? ''} has no UNH sequence number; it cannot be a part.`,
      );
      continue;
    }
    if (p.part.messageRef !== ref) {
      sink.error(
        'PARTS_MIXED',
        `Part ${p.part.number} belongs to message "${p.part.messageRef}", not "${ref}".`,
      );
      continue;
    }
    if (byNumber.has(p.part.number)) {
      sink.warn(
        'PART_DUPLICATE',
        `Part ${p.part.number} of message "${ref}" arrived twice; the first copy is kept.`,
      );
      continue;
    }
    byNumber.set(p.part.number, p);
    if (p.part.last) {
      if (final !== undefined)
        sink.error(
          'PART_FINAL_TWICE',
          `Message "${ref}" has two final parts (${final} and ${p.part.number}).`,
        );
      final = p.part.number;
    }
  }
  if (final === undefined) {
    sink.error(
      'PART_FINAL_MISSING',
      `The final part (F) of message "${ref}" has not arrived; have parts ${[...byNumber.keys()].sort((a, b) => a - b).join(', ')}.`,
    );
  }
  const missing = missingParts(new Set(byNumber.keys()), final);
  if (final !== undefined && missing.length > 0) {
    sink.error(
      'PART_MISSING',
      `Message "${ref}" is missing part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${final}.`,
    );
  }
  for (const n of byNumber.keys()) {
    if (final !== undefined && n > final)
      sink.error(
        'PART_AFTER_FINAL',
        `Part ${n} of message "${ref}" comes after the final part ${final}.`,
      );
  }
  if (sink.failed) return sink.result(placeholder);
  const ordered = [...byNumber.values()].sort((a, b) => a.part!.number - b.part!.number);
  const head = ordered[0]!.manifest;
  const last = ordered[ordered.length - 1]!.manifest;
  for (const p of ordered.slice(1)) {
    const f = p.manifest.flight;
    if (f.carrier !== head.flight.carrier || f.number !== head.flight.number) {
      sink.warn(
        'PART_FLIGHT_DIFFERS',
        `Part ${p.part!.number} names flight ${f.carrier}${f.number}, part 1 names ${head.flight.carrier}${head.flight.number}.`,
      );
    }
  }
  const travellers = ordered.flatMap((p) => p.manifest.travellers);
  const declaredCount = last.declaredCount ?? head.declaredCount;
  if (declaredCount !== undefined && declaredCount !== travellers.length) {
    sink.warn(
      'CNT_MISMATCH',
      `CNT declares ${declaredCount} travellers but the ${ordered.length} parts of "${ref}" list ${travellers.length}.`,
    );
  }
  return sink.result({ ...head, travellers, declaredCount, messageRef: ref });
}

export interface AssemblyOutcome {
  key: string;
  messageRef: string;
  result: DecodeResult<Manifest>;
}

interface PendingSet {
  messageRef: string;
  firstSeenMs: number;
  parts: PaxlstMessage[];
}

/**
 * Holds parts until their message is complete. Pure: the caller passes the current time
 * to `add` and `expire`, and persists nothing here beyond this object's lifetime.
 */
export class PartAssembler {
  private readonly sets = new Map<string, PendingSet>();

  constructor(private readonly options: { timeoutMs: number }) {}

  /** Adds one decoded message; returns the assembled manifest once every part is in. */
  add(message: PaxlstMessage, now: Date): AssemblyOutcome | undefined {
    if (!message.part) {
      return {
        key: message.manifest.messageRef ?? '',
        messageRef: message.manifest.messageRef ?? '',
        result: assembleParts([message]),
      };
    }
    const key = `${message.manifest.sender ?? ''}|${message.part.messageRef}`;
    let set = this.sets.get(key);
    if (!set) {
      set = { messageRef: message.part.messageRef, firstSeenMs: now.getTime(), parts: [] };
      this.sets.set(key, set);
    }
    set.parts.push(message);
    const numbers = new Set(set.parts.map((p) => p.part!.number));
    const final = set.parts.find((p) => p.part!.last)?.part!.number;
    if (final === undefined || missingParts(numbers, final).length > 0) return undefined;
    this.sets.delete(key);
    return { key, messageRef: set.messageRef, result: assembleParts(set.parts) };
  }

  /** Gives up on sets older than the timeout: each comes back as an error naming what is missing. */
  expire(now: Date): AssemblyOutcome[] {
    const out: AssemblyOutcome[] = [];
    for (const [key, set] of this.sets) {
      if (now.getTime() - set.firstSeenMs < this.options.timeoutMs) continue;
      this.sets.delete(key);
      const r = assembleParts(set.parts);
      const errors = r.ok ? [] : r.errors;
      out.push({
        key,
        messageRef: set.messageRef,
        result: {
          ok: false,
          warnings: r.warnings,
          errors: [
            {
              code: 'PARTS_TIMEOUT',
              message: `Message "${set.messageRef}" was still incomplete ${Math.round(this.options.timeoutMs / 1000)} s after its first part.`,
            },
            ...errors,
          ],
        },
      });
    }
    return out;
  }

  /** What is waiting, for monitoring. */
  pending(): { key: string; messageRef: string; parts: number[]; firstSeen: Date }[] {
    return [...this.sets].map(([key, s]) => ({
      key,
      messageRef: s.messageRef,
      parts: s.parts.map((p) => p.part!.number).sort((a, b) => a - b),
      firstSeen: new Date(s.firstSeenMs),
    }));
  }
}
