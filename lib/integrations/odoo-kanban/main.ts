/** Entry for the MAIN-world content script on Odoo pages (no extension APIs reachable from here). */
export { tagKanbanRecords, watchKanbanRecordIds, type KanbanIdOptions } from './main-world';
