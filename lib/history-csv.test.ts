import { describe, expect, it } from 'vitest';
import { csvCell, historyCsv } from './history-csv';
import type { HistoryEntry } from './providers/types';

const entry = (fields: Partial<HistoryEntry>): HistoryEntry => ({
  id: 'h', direction: 'incoming', number: '1002', contactId: null, contactName: 'Ada', startedAt: Date.UTC(2025, 0, 2, 9, 30),
  answeredAt: null, durationSec: 65, outcome: 'answered', reason: '', seen: true, ...fields,
});

describe('Recent as CSV', () => {
  it('opens formula-like cells as text: = + - @ tab and CR get a leading apostrophe', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1 650', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('Ada')).toBe('Ada');
    expect(csvCell(65)).toBe('65');
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('has a header and one line per call: date, direction, number, name, duration, outcome, call, note', () => {
    const csv = historyCsv([entry({ wrapUp: { outcome: 'Left voicemail', note: '=cmd|calc' }, number: '+16505550102' }), entry({ direction: 'outgoing', contactName: '' })]);
    expect(csv.split('\r\n')).toEqual([
      'Date,Direction,Number,Name,Duration (s),Outcome,Call,Note',
      "2025-01-02T09:30:00.000Z,incoming,'+16505550102,Ada,65,Left voicemail,answered,'=cmd|calc",
      '2025-01-02T09:30:00.000Z,outgoing,1002,,65,,answered,',
      '',
    ]);
  });
});
