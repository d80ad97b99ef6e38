/**
 * Odoo's CRM Kanban, page-world half: runs in Odoo's own JS world (registered at runtime for the
 * connected Odoo's origin, like ./index.ts), reads each card's record id from the web client's
 * component tree and writes it on the card. No extension API is reachable from here.
 */
import type { PageWorldIntegration } from '../types';
import { watchKanbanRecordIds } from './main-world';
import { KANBAN_SCRIPTS } from './scripts';

export const odooKanbanMain: PageWorldIntegration = {
  id: KANBAN_SCRIPTS.pageWorld.id,
  matches: [], // no static match: see lib/background/odoo.ts
  registration: 'runtime',
  world: KANBAN_SCRIPTS.pageWorld.world,
  init: (ctx) => watchKanbanRecordIds(window, ctx.signal),
};
