/** The `driftwatch` CLI entry (export, lint, report on a store folder, without VS Code). */
console.error('driftwatch: no commands yet');
process.exitCode = 2;
