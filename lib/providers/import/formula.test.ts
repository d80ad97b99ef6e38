import { describe, expect, it } from 'vitest';
import { csvPhoneValue, neutraliseFormula, restoreFormulaText } from './formula';

describe('formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ["'=1", "''=1"],
    ['Ana', 'Ana'],
    ["O'Brien", "O'Brien"],
    ["'quoted'", "'quoted'"],
    ['', ''],
  ])('%j ⇄ %j', (value, exported) => {
    expect(neutraliseFormula(value)).toBe(exported);
    expect(restoreFormulaText(exported)).toBe(value);
  });

  it('leaves E.164 numbers and extensions alone but not other phone text', () => {
    expect(csvPhoneValue('+4930901820')).toBe('+4930901820');
    expect(csvPhoneValue('1002')).toBe('1002');
    expect(csvPhoneValue('*97')).toBe('*97');
    expect(csvPhoneValue('+1 (555) CALL')).toBe("'+1 (555) CALL");
    expect(csvPhoneValue('=1+2')).toBe("'=1+2");
  });
});
