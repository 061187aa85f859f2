// Stand-in for the `vscode` module so a benchmark can time require() of the bundle outside the editor. The bundle's
// ESM interop copies the module's own properties, so the API namespaces a bundle touches at load are listed as own
// properties; each is a stub that returns another stub for any property access, call or construction.
'use strict';
const handler = { get: (_t, prop) => (prop === '__esModule' ? false : stub), apply: () => stub, construct: () => stub };
const stub = new Proxy(function () {}, handler);
const names = [
  'window', 'workspace', 'commands', 'languages', 'extensions', 'env', 'Uri', 'Range', 'Position', 'Selection',
  'Diagnostic', 'DiagnosticSeverity', 'EventEmitter', 'StatusBarAlignment', 'CodeAction', 'CodeActionKind',
  'ProgressLocation', 'ThemeColor', 'ThemeIcon', 'RelativePattern', 'DocumentDropOrPasteEditKind', 'Disposable',
  'MarkdownString', 'TextEditorRevealType', 'ViewColumn', 'ConfigurationTarget', 'version',
];
module.exports = Object.fromEntries(names.map((n) => [n, stub]));
