// Calls that look repetitive but are not batchable, or are already batched.
declare const list: HTMLElement;
declare function makeRow(text: string): HTMLElement;
declare const logger: { info(msg: string): void };

// Methods that take one item by design.
export function logs() {
  logger.info('a');
  logger.info('b');
}
