// The printable notice of intended sanction sent to a carrier: what was found, on what
// evidence, how the amount was computed, and how and by when to answer. Plain text or HTML.
import type { SanctionCase } from './case-model.ts';
import type { Infringement } from './infringement.ts';
import { formatMoney } from './money.ts';

export interface NoticeOptions {
  readonly format: 'text' | 'html';
  /** The authority issuing the notice, as printed in the heading. */
  readonly authority: string;
  /** How the carrier answers (API address, postal address). */
  readonly answerChannel: string;
}

interface Section {
  title: string;
  items: string[];
}

function sections(
  c: SanctionCase,
  infringements: readonly Infringement[],
  opts: NoticeOptions,
): Section[] {
  const money = (minor: number) => formatMoney({ minor, currency: c.proposed.currency });
  const mine = infringements.filter((i) => c.infringementKeys.includes(i.key));
  const due = c.notice
    ? `by ${c.notice.answerDueBy}`
    : `within ${c.deadlines.answerDays} days of the date of this notice`;
  return [
    {
      title: 'Notice of intended sanction',
      items: [
        `Issued by: ${opts.authority}`,
        `Case: ${c.id} (version ${c.version})`,
        `Carrier: ${c.carrier}`,
        `Flight(s): ${c.flightKeys.join(', ')}`,
        ...(c.notice ? [`Notice: ${c.notice.id}, dated ${c.notice.issuedAt}`] : []),
        `Proposed amount: ${money(c.proposed.minor)}`,
      ],
    },
    {
      title: 'What was found',
      items: mine.length
        ? mine.map((i) => `${i.message} [${i.key}]`)
        : c.infringementKeys.map((k) => k),
    },
    {
      title: `How the amount was computed (profile ${c.computation.profile.id}, version ${c.computation.profile.version})`,
      items: c.computation.lines.map(
        (l) =>
          `${l.n}. ${l.what} — basis: ${l.basis}${l.confirmed ? '' : ' (not confirmed against the primary text)'} — ${money(Math.abs(l.amountMinor))}${l.amountMinor < 0 ? ' deducted' : ''}; running total ${money(l.runningTotalMinor)}`,
      ),
    },
    {
      title: 'Not charged',
      items: [
        ...c.computation.exemptions.map((e) => `${e.infringementKey}: ${e.reason} (${e.basis})`),
        ...c.computation.notCharged.map((n) => `${n.infringementKey}: ${n.reason}`),
      ],
    },
    {
      title: 'Evidence disclosed',
      items: (c.notice?.evidence ?? c.evidenceIds.map((id) => ({ kind: 'other', id }))).map(
        (e) => `${e.kind}: ${e.id}`,
      ),
    },
    {
      title: 'Your right to answer',
      items: [
        `You may answer in writing, with attachments, ${due}, through ${opts.answerChannel}.`,
        'You may show that an exemption applies: a claim for international protection, reliance on an "OK to board" answer, a document produced at boarding whose falsity was not reasonably apparent, adequate precautions or reasonable diligence, as the applicable law provides.',
        'No decision is taken before the deadline passes or your answer is considered. The decision will state its reasons and may be appealed.',
      ],
    },
  ].filter((s) => s.items.length > 0);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

export function renderNotice(
  c: SanctionCase,
  infringements: readonly Infringement[],
  opts: NoticeOptions,
): string {
  const parts = sections(c, infringements, opts);
  if (opts.format === 'text')
    return parts
      .map(
        (s) =>
          `${s.title}\n${'='.repeat(s.title.length)}\n${s.items.map((i) => `- ${i}`).join('\n')}\n`,
      )
      .join('\n');
  const body = parts
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.title)}</h2><ul>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></section>`,
    )
    .join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`Notice of intended sanction — case ${c.id}`)}</title><style>body{font-family:serif;max-width:48em;margin:2em auto}h2{border-bottom:1px solid #999}</style></head>\n<body>\n${body}\n</body></html>\n`;
}
