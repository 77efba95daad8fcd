// What the carrier's check-in agent reads with an answer. The carrier learns which document
// problem to fix, and that a person must look — never what a watchlist, profile or network said.
import type { BoardingAnswer, Finding } from '@paxguard/domain';

export const ANSWER_TEXT: Readonly<Record<BoardingAnswer, string>> = {
  board: 'OK TO BOARD',
  'no-board': 'DO NOT BOARD',
  'contact-authority': 'CONTACT THE BORDER AUTHORITY BEFORE BOARDING',
  'insufficient-data': 'INSUFFICIENT DATA: RESEND WITH COMPLETE DOCUMENT DETAILS',
};

export function carrierMessage(answer: BoardingAnswer, findings: readonly Finding[]): string {
  if (answer !== 'no-board' && answer !== 'insufficient-data') return ANSWER_TEXT[answer];
  const codes = [
    ...new Set(
      findings
        .filter((f) => f.source === 'documents' && f.severity !== 'cleared')
        .map((f) => f.code),
    ),
  ];
  return `${ANSWER_TEXT[answer]}${codes.length ? `: ${codes.join(' ')}` : ''}`.slice(0, 512);
}
