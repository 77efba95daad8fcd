import type { Finding } from '@paxguard/domain';
import { describe, expect, it } from 'vitest';
import { carrierMessage } from './carrier-message.ts';

const f = (source: Finding['source'], code: string, severity: Finding['severity']): Finding => ({
  source,
  code,
  severity,
  message: 'm',
  rule: { id: 'r', version: '1' },
});

describe('carrierMessage', () => {
  it('names the document problems of a no-board and nothing from watchlists or profiles', () => {
    const text = carrierMessage('no-board', [
      f('documents', 'DOC_EXPIRED', 'no-board'),
      f('watchlist', 'WATCHLIST_MATCH', 'refer'),
      f('profile', 'PROFILE_HIT', 'refer'),
    ]);
    expect(text).toBe('DO NOT BOARD: DOC_EXPIRED');
  });
  it('says only "contact the authority" when a person must look', () => {
    expect(carrierMessage('contact-authority', [f('watchlist', 'WATCHLIST_MATCH', 'refer')])).toBe(
      'CONTACT THE BORDER AUTHORITY BEFORE BOARDING',
    );
    expect(carrierMessage('board', [])).toBe('OK TO BOARD');
  });
});
