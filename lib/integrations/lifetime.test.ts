// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { pageWorldContext } from './lifetime';

describe('pageWorldContext', () => {
  it('ends when a newer copy of the same script starts in the page, and only then', () => {
    const old = pageWorldContext('odoo-kanban-main');
    const other = pageWorldContext('another-script');
    expect(old.isValid).toBe(true);
    const ended = vi.fn();
    old.onInvalidated(ended);
    const fresh = pageWorldContext('odoo-kanban-main');
    expect(old.isInvalid).toBe(true);
    expect(old.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledOnce();
    expect(fresh.isValid).toBe(true);
    expect(other.isValid).toBe(true);
  });

  it('runs no timer or frame callback of an ended context', async () => {
    const ctx = pageWorldContext('timers');
    const late = vi.fn();
    ctx.setTimeout(late, 10);
    ctx.requestAnimationFrame(late);
    pageWorldContext('timers');
    await new Promise((r) => setTimeout(r, 50));
    expect(late).not.toHaveBeenCalled();
  });
});
