import assert from 'node:assert/strict';
import { checkEndpoint, forgetUrl } from '../../../src/core/team/endpoint.js';

describe('upload endpoint', () => {
  it('accepts https anywhere and plain http only on loopback', () => {
    assert.equal(checkEndpoint('https://team.example/v1/metrics').ok, true);
    assert.equal(checkEndpoint('http://127.0.0.1:4318/v1/metrics').ok, true);
    assert.equal(checkEndpoint('http://localhost:4318/v1/metrics').ok, true);
    assert.equal(checkEndpoint('http://[::1]:4318/v1/metrics').ok, true);
    const plain = checkEndpoint('http://team.example/v1/metrics');
    assert.equal(plain.ok, false);
    assert.match(!plain.ok ? plain.reason : '', /https/);
    assert.equal(checkEndpoint('http://127.0.0.1.evil.example/v1/metrics').ok, false);
  });

  it('refuses empty, malformed, credential-bearing and non-HTTP endpoints', () => {
    for (const bad of ['', '   ', 'not a url', 'https://user:pw@team.example/v1/metrics', 'ftp://team.example/x', 'file:///etc/passwd']) {
      assert.equal(checkEndpoint(bad).ok, false, bad);
    }
  });

  it('derives the deletion URL from the endpoint origin', () => {
    const c = checkEndpoint('https://team.example:8443/otlp/v1/metrics');
    assert.ok(c.ok);
    assert.equal(forgetUrl(c.url), 'https://team.example:8443/driftwatch/v1/forget');
  });
});
