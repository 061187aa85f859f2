/**
 * Which endpoints the upload may talk to: HTTPS, or plain HTTP only to this machine (a collector or OpenTelemetry
 * Collector on loopback). Credentials in the URL are refused, since the token belongs in SecretStorage.
 */

export type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Validates the `driftwatch.upload.endpoint` setting. */
export function checkEndpoint(value: string): EndpointCheck {
  if (value.trim() === '') return { ok: false, reason: 'no endpoint is set (driftwatch.upload.endpoint)' };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: 'the endpoint is not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'the endpoint must not contain credentials; use "Set Upload Token"' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === 'http:') return { ok: false, reason: 'the endpoint must use https:// (plain http is allowed only to localhost/127.0.0.1)' };
  return { ok: false, reason: `unsupported endpoint scheme ${url.protocol}` };
}

/** The deletion-request URL of the contract: `<origin>/driftwatch/v1/forget`. */
export function forgetUrl(endpoint: URL): string {
  return `${endpoint.origin}/driftwatch/v1/forget`;
}
