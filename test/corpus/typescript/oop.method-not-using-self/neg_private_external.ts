import { EventEmitter } from 'node:events';

// Public methods of a subclass of an imported class may override it.
export class Bus extends EventEmitter {
  describe() {
    return 'bus';
  }
}
