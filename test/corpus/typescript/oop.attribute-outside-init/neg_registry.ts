// Static method assigning a static attribute.
export class Registry {
  static items: string[] = [];
  static reset() {
    this.items = [];
  }
}
