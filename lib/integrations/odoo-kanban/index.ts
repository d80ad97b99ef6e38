/**
 * Odoo's CRM Kanban, isolated-world half: the "Add to / Remove from Call Queue" toggle on each
 * opportunity card. Registered at runtime by the background for the connected Odoo's origin only
 * (lib/background/odoo.ts); its page-world half (./page-world.ts) tags the cards it reads.
 */
import type { IsolatedIntegration } from '../types';
import { startKanbanToggles } from './content';
import { KANBAN_SCRIPTS } from './scripts';

export const odooKanban: IsolatedIntegration = {
  id: KANBAN_SCRIPTS.toggles.id,
  matches: [], // no static match: see lib/background/odoo.ts
  registration: 'runtime',
  init: (ctx) => startKanbanToggles(ctx),
};
