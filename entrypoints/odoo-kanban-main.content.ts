import { defineContentScript } from 'wxt/utils/define-content-script';
import { pageWorldContext } from '../lib/integrations/lifetime';
import { odooKanbanMain } from '../lib/integrations/odoo-kanban/page-world';
import { contentScriptOptions } from '../lib/integrations/types';

// In Odoo's own JS world, where WXT passes no context: it gets one that ends when a newer copy starts.
export default defineContentScript({ ...contentScriptOptions(odooKanbanMain), main: () => odooKanbanMain.init(pageWorldContext(odooKanbanMain.id)) });
