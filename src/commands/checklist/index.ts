// `delegate checklist` by mode: open one (tick, print, change), choose one, status, edit.
export { checklistCommand, type ChecklistOptions } from './open.js';
export { checklistStatus } from './status.js';
export { checklistEdit } from './edit.js';
