import { defineContentScript } from 'wxt/utils/define-content-script';
import { odooKanban } from '../lib/integrations/odoo-kanban';
import { contentScriptOptions } from '../lib/integrations/types';

// The connected Odoo's pages only: registered at runtime for that origin (lib/background/odoo.ts).
export default defineContentScript({ ...contentScriptOptions(odooKanban), main: (ctx) => odooKanban.init(ctx) });
