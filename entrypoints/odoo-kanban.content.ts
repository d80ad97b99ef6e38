import { defineContentScript } from 'wxt/utils/define-content-script';
import { odooKanban } from '../lib/integrations/odoo-kanban';
import { contentScriptOptions } from '../lib/integrations/types';
import { startContentLanguage } from '../lib/i18n/content-strings';

// The connected Odoo's pages only: registered at runtime for that origin (lib/background/odoo.ts).
export default defineContentScript({ ...contentScriptOptions(odooKanban), main: (ctx) => startContentLanguage().then(() => odooKanban.init(ctx)) });
