/** The MAIN-world reader as one module, for the Kanban fixture e2e to bundle (the content script starts from ./page-world.ts). */
export { tagKanbanRecords, watchKanbanRecordIds, type KanbanIdOptions } from './main-world';
