import { describe, expect, it } from 'vitest';
import { td3, traveller, passport } from '../test/fixtures.ts';
import { checkDigit } from './check-digit.ts';
import { readMrz } from './mrz-reader.ts';
import { crossCheckMrz } from './mrz-cross-check.ts';

describe('checkDigit (ICAO 9303 specimens)', () => {
  it.each([
    ['L898902C3', 6],
    ['740812', 2],
    ['120415', 9],
    ['D23145890', 7],
    ['<<<<<<<<<', 0],
    ['abc', -1],
  ])('%s → %i', (field, digit) => expect(checkDigit(field)).toBe(digit));
});

describe('readMrz', () => {
  it('reads the TD3 specimen and flags only the fictional state code as non-check problems', () => {
    const r = readMrz([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
    expect(r).toMatchObject({ ok: true, checkDigitFailures: [] });
    if (r.ok)
      expect(r.data).toMatchObject({
        format: 'TD3',
        documentNumber: 'L898902C3',
        birthDate: '740812',
        expiryDate: '120415',
        sex: 'F',
        surname: 'ERIKSSON',
        given: 'ANNA MARIA',
        issuingState: 'UTO',
      });
  });

  it('reads the TD1 specimen, with the long document number', () => {
    const r = readMrz([
      'I<UTOD23145890<1233<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<2',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
    expect(r).toMatchObject({
      ok: true,
      data: { format: 'TD1', surname: 'ERIKSSON' },
      checkDigitFailures: [],
    });
  });

  it('reads the TD2 specimen', () => {
    const r = readMrz([
      'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<',
      'D231458907UTO7408122F1204159<<<<<<<6',
    ]);
    expect(r).toMatchObject({
      ok: true,
      data: { format: 'TD2', documentNumber: 'D23145890' },
      checkDigitFailures: [],
    });
  });

  it('reports a wrong check digit by field', () => {
    const r = readMrz([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408123F1204159ZE184226B<<<<<10',
    ]);
    expect(r.ok && r.checkDigitFailures.map((f) => f.field)).toEqual([
      'birthDateCheckDigit',
      'compositeCheckDigit',
    ]);
  });

  it.each([
    [[]],
    [['P<UTO']],
    [
      [
        'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
        'L898902C36UTO7408122F1204159ZE184226B<<<<<1!',
      ],
    ],
  ])('refuses %j without throwing', (lines) => {
    expect(readMrz(lines).ok).toBe(false);
  });
});

describe('crossCheckMrz', () => {
  const mrz = td3({
    state: 'D',
    surname: 'MUELLER',
    given: 'JOERG<ANDREAS',
    number: 'C01X00T47',
    nationality: 'D',
    birth: '840812',
    sex: 'M',
    expiry: '311031',
  });
  const read = readMrz(mrz);
  if (!read.ok) throw new Error('fixture MRZ invalid');

  it('agrees with transliterated, accented and truncated names and D for DEU', () => {
    const t = traveller({ sex: 'M', name: { surname: 'Müller', given: ['Jörg', 'Andreas'] } });
    expect(crossCheckMrz(read.data, passport(), t)).toEqual([]);
  });

  it.each([
    [
      'documentNumber',
      traveller({ sex: 'M', name: { surname: 'MUELLER', given: ['JOERG', 'ANDREAS'] } }),
      passport({ number: 'C01X00T48' }),
    ],
    [
      'birthDate',
      traveller({
        sex: 'M',
        birthDate: '1985-08-12',
        name: { surname: 'MUELLER', given: ['JOERG', 'ANDREAS'] },
      }),
      passport(),
    ],
    [
      'expiryDate',
      traveller({ sex: 'M', name: { surname: 'MUELLER', given: ['JOERG', 'ANDREAS'] } }),
      passport({ expiryDate: '2031-10-30' }),
    ],
    [
      'nationality',
      traveller({
        sex: 'M',
        nationality: 'AUT',
        name: { surname: 'MUELLER', given: ['JOERG', 'ANDREAS'] },
      }),
      passport(),
    ],
    [
      'issuingState',
      traveller({ sex: 'M', name: { surname: 'MUELLER', given: ['JOERG', 'ANDREAS'] } }),
      passport({ issuingState: 'AUT' }),
    ],
    [
      'sex',
      traveller({ sex: 'F', name: { surname: 'MUELLER', given: ['JOERG', 'ANDREAS'] } }),
      passport(),
    ],
    [
      'surname',
      traveller({ sex: 'M', name: { surname: 'SCHMIDT', given: ['JOERG', 'ANDREAS'] } }),
      passport(),
    ],
    ['given', traveller({ sex: 'M', name: { surname: 'MUELLER', given: ['PETER'] } }), passport()],
    [
      'documentType',
      traveller({ sex: 'M', name: { surname: 'MUELLER', given: ['JOERG', 'ANDREAS'] } }),
      passport({ type: 'I' }),
    ],
  ])('notices a different %s', (field, t, doc) => {
    expect(crossCheckMrz(read.data, doc, t).map((m) => m.field)).toEqual([field]);
  });
});
