// Attribute and method with different names.
export class Stream {
  closed = false;
  close() {
    this.closed = true;
  }
}
