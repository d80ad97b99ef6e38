import { defineContentScript } from 'wxt/utils/define-content-script';
import { startKanbanToggles } from '../lib/integrations/odoo-kanban/content';

// The connected Odoo's pages only: registered at runtime for that origin (lib/background/odoo.ts).
export default defineContentScript({
  matches: [], // no static match: see lib/background/odoo.ts
  registration: 'runtime',
  main() {
    startKanbanToggles(new AbortController().signal);
  },
});
