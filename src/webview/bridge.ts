/**
 * The webview side of the protocol: posts typed messages to the host, validates everything it receives with the
 * protocol's zod schema (rejects are reported to the host's log and skipped), and keeps UI state in the webview's
 * getState/setState so it survives the view being hidden and shown.
 */
import { PanelQuery } from '../core/panel/panelData.js';
import { describeRejection, ToWebview, type ToHost } from '../protocol/messages.js';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface UiState {
  query?: PanelQuery;
}

export class Bridge {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  /** Messages from the host that failed validation (shown in a data attribute for tests and diagnostics). */
  rejected = 0;

  constructor(private readonly onMessage: (msg: ToWebview) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
  }

  post(message: ToHost): void {
    this.api.postMessage(message);
  }

  newRequestId(): string {
    return `r${this.nextId++}`;
  }

  state(): UiState {
    const raw = this.api.getState() as { query?: unknown } | undefined;
    const parsed = PanelQuery.safeParse(raw?.query);
    return parsed.success ? { query: parsed.data } : {};
  }

  saveState(state: UiState): void {
    this.api.setState(state);
  }

  private receive(raw: unknown): void {
    const parsed = ToWebview.safeParse(raw);
    if (!parsed.success) {
      this.rejected++;
      document.body.dataset['rejectedMessages'] = String(this.rejected);
      this.post({ type: 'reportRejected', detail: describeRejection(parsed.error, raw).slice(0, 300) });
      return;
    }
    this.onMessage(parsed.data);
  }
}
