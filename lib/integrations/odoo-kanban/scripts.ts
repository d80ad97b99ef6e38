/**
 * The Kanban integration's two scripts as the background registers them at runtime for the
 * connected Odoo's origin (lib/background/odoo.ts): written once, for both halves and the
 * background. WXT builds each entry to `content-scripts/<id>.js`.
 */
export const KANBAN_SCRIPTS = {
  pageWorld: { id: 'odoo-kanban-main', world: 'MAIN' },
  toggles: { id: 'odoo-kanban', world: 'ISOLATED' },
} as const;
