/**
 * The parser's answers this page has had, so a re-scan does not ask again. A single-page app can
 * live for days and show ever new numbers: the answers kept are bounded, the oldest going first.
 */
import type { Resolved } from '../../messaging/content';

export const MAX_ANSWERS = 20_000;

export interface ScanItem {
  number: string;
  ext: string;
}

export const keyOf = (c: ScanItem) => `${c.number}\u0000${c.ext}`;

export class Answers extends Map<string, Resolved | null> {
  constructor(private readonly max = MAX_ANSWERS) {
    super();
  }

  /**
   * Drops the oldest answers once there are more than `max`, down to half of it. Called between
   * scans only: an answer a scan is about to use is never dropped under it.
   */
  trim(): void {
    if (this.size <= this.max) return;
    let over = this.size - Math.floor(this.max / 2);
    for (const key of this.keys()) {
      if (over-- <= 0) break;
      this.delete(key);
    }
  }
}
