/** The Node implementation of the OTLP receiver platform. */
import { randomBytes } from 'node:crypto';
import type { ReceiverPlatform } from '../../host/otlp/receiverPlatform.js';
import { AssistantSignalMapper } from './assistantSignals.js';
import { startOtlpReceiver } from './otlpReceiver.js';

export const nodeReceiverPlatform: ReceiverPlatform = {
  async start(o) {
    const mapper = new AssistantSignalMapper(o.skip);
    return startOtlpReceiver({
      port: o.port,
      token: o.token,
      onLogs: (req) => {
        const m = mapper.fromLogs(req, Date.now());
        o.onRecords(m.records, m.ignored, m.notes);
      },
      onMetrics: (req) => {
        const m = mapper.fromMetrics(req, Date.now());
        o.onRecords(m.records, m.ignored, m.notes);
      },
      log: o.log,
    });
  },
  newToken: () => randomBytes(32).toString('hex'),
};
