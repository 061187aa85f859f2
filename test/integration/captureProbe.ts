/**
 * What the capture tests observe of a running capture service, through the test API (`activate` returns the instance
 * only in ExtensionMode.Test): its verdicts as they happen, whether verdicts are still pending, shorter timings. None of
 * this is on the product classes.
 */
import type { ArcTimings } from '../../src/core/capture/arcTracker.js';
import type { CaptureTimings } from '../../src/core/capture/editTracker.js';
import type { VerdictNote } from '../../src/core/capture/captureSession.js';
import type { CaptureService } from '../../src/host/capture/captureService.js';

export interface CaptureProbe {
  /** Verdicts since the probe was attached, oldest first. */
  readonly verdicts: readonly VerdictNote[];
  /** Resolves when every bulk change seen so far has its verdict (or after `timeoutMs`). */
  idle(timeoutMs?: number): Promise<void>;
  setTimings(timings: Partial<CaptureTimings>): void;
  /** Shorter ARC checkpoints (the records keep VS Code's checkpoint seconds). */
  setArcTimings(timings: Partial<ArcTimings>): void;
  /** Emits the human-activity counters now. */
  flushActivity(): void;
  dispose(): void;
}

export function attachCaptureProbe(service: CaptureService): CaptureProbe {
  const verdicts: VerdictNote[] = [];
  const subscription = service.session.onVerdict((note) => {
    verdicts.push(note);
    if (verdicts.length > 500) verdicts.splice(0, verdicts.length - 500);
  });
  return {
    verdicts,
    async idle(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (service.session.pendingVerdicts > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    },
    setTimings: (timings) => service.tracker.setTimings(timings),
    setArcTimings: (timings) => service.arc.setTimings(timings),
    flushActivity: () => service.session.flushActivity(),
    dispose: () => subscription.dispose(),
  };
}
