/** The toggle's words, through the project's i18n (English in `lib/i18n/en-odoo-kanban.ts`). */
import { t } from '../../i18n';
import type { enOdooKanban } from '../../i18n/en-odoo-kanban';

export type KanbanLabel = keyof typeof enOdooKanban;

export function label(key: KanbanLabel): string {
  return t(key);
}
