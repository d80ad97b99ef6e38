/** English strings of the phone toggle on Odoo CRM Kanban cards (Odoo's own wording). */
export const enOdooKanban = {
  'odooKanban.add': 'Add to Call Queue',
  'odooKanban.remove': 'Remove from Call Queue',
} as const;
