/** Markers that let scripts/run-web.mjs pick the test reporter's lines out of the workbench's console traffic. */
export const REPORT_TAG = '[dw-web]';
export const STATS_TAG = '[dw-web-stats]';
