import { Emitter } from './emitter';

// Public methods of a subclass of an imported class may override it. (A known runtime base such as Node's
// EventEmitter is different: its members are known, see javascript/…/pos_runtime_base_helper.js.)
export class Bus extends Emitter {
  describe() {
    return 'bus';
  }
}
