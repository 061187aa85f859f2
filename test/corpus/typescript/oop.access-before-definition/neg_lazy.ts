// Optional field checked before assignment on purpose.
export class Lazy {
  cache?: Map<string, number>;
  constructor() {
    if (!this.cache) this.cache = new Map();
  }
}
