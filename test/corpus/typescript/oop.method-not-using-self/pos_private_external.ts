import { EventEmitter } from 'node:events';

// A private helper cannot be an override, whatever the parent is.
export class Bus extends EventEmitter {
  private format(n: number) { // expect: oop.method-not-using-self
    return n.toFixed(2);
  }
  report(n: number) {
    this.emit('report', this.format(n));
  }
}
