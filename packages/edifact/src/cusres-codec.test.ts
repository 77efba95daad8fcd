import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCusres, encodeCusres, type CusresInput } from './cusres-codec.ts';

const env = {
  sender: 'PAXGUARD',
  recipient: 'DLDCS',
  interchangeRef: 'R1',
  messageRef: 'A1',
  preparedAt: '2024-03-01T20:00',
};

describe('CUSRES', () => {
  it('writes the ERC code per traveller with the request references', () => {
    const r = encodeCusres(
      {
        requestRef: 'REQ77',
        flight: 'DL123',
        departureLocal: '2024-03-01T22:10',
        answers: [
          { booking: 'ABC123', passenger: 'P1', answer: 'board' },
          { passenger: 'P2', answer: 'no-board', text: "Passport expired; don't board" },
          { passenger: 'P3', answer: 'contact-authority' },
          { passenger: 'P4', answer: 'insufficient-data' },
        ],
      },
      env,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe(
      "UNB+UNOB:4+PAXGUARD+DLDCS+240301:2000+R1'UNH+A1+CUSRES:D:05B:UN:IATA'BGM+962'RFF+TN:REQ77'RFF+AF:DL123'DTM+189:2403012210:201'" +
        "ERP+2'RFF+AVF:ABC123'RFF+ABO:P1'ERC+0Z'ERP+2'RFF+ABO:P2'ERC+1Z'FTX+AAP+++Passport expired; don?'t board'" +
        "ERP+2'RFF+ABO:P3'ERC+2Z'ERP+2'RFF+ABO:P4'ERC+4Z'UNT+20+A1'UNZ+1+R1'",
    );
  });

  it('round-trips (property)', () => {
    const answer = fc.record(
      {
        booking: fc.stringMatching(/^[A-Z0-9]{6}$/),
        passenger: fc.stringMatching(/^[A-Z0-9]{1,10}$/),
        answer: fc.constantFrom('board', 'no-board', 'contact-authority', 'insufficient-data'),
        text: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !/[\r\n]/.test(s)),
      },
      { requiredKeys: ['answer'] },
    );
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 5 }), (answers) => {
        const input = { requestRef: 'T1', flight: 'LH400', answers } as CusresInput;
        const text = encodeCusres(input, env);
        if (!text.ok) throw new Error('encode failed');
        const back = decodeCusres(text.value);
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(back.value[0]!.answers).toEqual(answers);
        expect(back.value[0]).toMatchObject({ requestRef: 'T1', flight: 'LH400' });
      }),
      { numRuns: 100 },
    );
  });

  it('rejects an empty answer list and reads an unknown ERC as a positioned error', () => {
    const bad = encodeCusres({ requestRef: 'T', answers: [] }, env);
    expect(!bad.ok && bad.errors[0]).toMatchObject({
      code: 'CUSRES_INPUT_INVALID',
      path: 'answers',
    });
    const r = decodeCusres(
      "UNB+UNOA:4+A+B+240301:2000+1'UNH+1+CUSRES:D:05B:UN:IATA'BGM+962'ERP+2'ERC+9Q'UNT+5+1'UNZ+1+1'",
    );
    expect(!r.ok && r.errors[0]).toMatchObject({
      code: 'ERC_UNKNOWN',
      segmentIndex: 5,
      element: 1,
    });
  });

  it('reads APP-style codes', () => {
    const r = decodeCusres(
      "UNB+UNOA:4+A+B+240301:2000+1'UNH+1+CUSRES:D:05B:UN:IATA'BGM+962'ERP+2'RFF+ABO:X'ERC+8502'UNT+6+1'UNZ+1+1'",
    );
    expect(r.ok && r.value[0]!.answers).toEqual([{ passenger: 'X', answer: 'no-board' }]);
  });
});
