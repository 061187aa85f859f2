// esbuild bundles imported stylesheets into dist/webview/main.css; TypeScript only needs to know they exist.
declare module '*.css';
