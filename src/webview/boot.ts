/**
 * Runs before any other webview module (it is main.ts's first import, and ES modules evaluate in import order):
 * - counts CSP violations where tests and a curious user (devtools) can see them: the panel must run without any;
 * - puts zod in jitless mode. zod probes `new Function` when the first object schema is built (at module load of the
 *   protocol), and the panel's CSP (no 'unsafe-eval') reports that probe as a violation even though zod catches it.
 */
import * as z from 'zod';

let cspViolations = 0;
document.addEventListener('securitypolicyviolation', (e) => {
  document.body.dataset['cspViolations'] = String(++cspViolations);
  document.body.dataset['cspLastViolation'] = `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`.slice(0, 300);
});

z.config({ jitless: true });
