/**
 * Load generator for bench/otlp.bench.ts, run in its own process so the receiver's CPU is measured alone: a REAL
 * OpenTelemetry log exporter sends Claude Code `tool_decision` events at a fixed rate (or as fast as it can).
 *   node --import tsx bench/support/otlpLoad.ts URL TOKEN WIRE RATE_PER_S SECONDS|COUNT MODE(rate|burst)
 */
import { logClient, toolDecision, type Wire } from '../../test/support/otelClients.js';

async function main(): Promise<void> {
  const [url, token, wire, rateArg, amountArg, mode] = process.argv.slice(2);
  const client = logClient({ url: url!, token: token!, wire: wire as Wire, service: 'claude-code' });
  const tools = ['Edit', 'Write', 'MultiEdit'];
  if (mode === 'burst') {
    const count = Number(amountArg);
    for (let i = 0; i < count; i++) {
      client.emit('claude_code.tool_decision', toolDecision(tools[i % 3]!, i % 4 === 0 ? 'reject' : 'accept', { language: 'TypeScript', seq: String(i) }));
      if (i % 512 === 511) await client.flush();
    }
  } else {
    const rate = Number(rateArg);
    const seconds = Number(amountArg);
    const started = Date.now();
    let sent = 0;
    while (Date.now() - started < seconds * 1000) {
      const due = Math.floor(((Date.now() - started) / 1000) * rate);
      for (; sent < due; sent++) client.emit('claude_code.tool_decision', toolDecision(tools[sent % 3]!, 'accept', { language: 'Python', seq: String(sent) }));
      await client.flush();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await client.flush();
  await client.shutdown();
}

void main();
