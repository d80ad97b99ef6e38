import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchKanbanRecordIds } from '../lib/integrations/odoo-kanban/main';

// In Odoo's own JS world (registered at runtime for the connected Odoo's origin): reads each
// Kanban card's record id from the web client's component tree and writes it on the card.
export default defineContentScript({
  matches: [], // no static match: see lib/background/odoo.ts
  registration: 'runtime',
  world: 'MAIN',
  main() {
    watchKanbanRecordIds(window, new AbortController().signal);
  },
});
