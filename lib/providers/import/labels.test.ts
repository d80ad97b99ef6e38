import { describe, expect, it } from 'vitest';
import { labelFromText, labelFromWords } from './labels';

describe('labelFromWords', () => {
  it.each([
    [['cell'], 'mobile'],
    [['CELL', 'VOICE', 'pref'], 'mobile'],
    [['work', 'cell'], 'mobile'],
    [['work', 'voice'], 'work'],
    [['home'], 'home'],
    [['main'], 'other'],
    [[], 'other'],
    [['fax', 'work'], null],
    [['pager'], null],
    [['fax', 'voice'], 'other'],
  ])('%j → %j', (words, label) => {
    expect(labelFromWords(words)).toBe(label);
  });
});

describe('labelFromText', () => {
  it.each([
    ['Mobile', 'mobile'],
    ['* Mobile', 'mobile'],
    ['iPhone', 'mobile'],
    ['_$!<Mobile>!$_', 'mobile'],
    ['Business Phone 2', 'work'],
    ['Company Main Phone', 'work'],
    ['Home Phone', 'home'],
    ['Other Phone', 'other'],
    ['Work Fax', null],
    ['_$!<HomeFAX>!$_', null],
    ['', 'other'],
  ])('%j → %j', (text, label) => {
    expect(labelFromText(text)).toBe(label);
  });
});
