// Constructor and accessors.
export class Plain {
  constructor() {
    console.log('made');
  }
  private x = 1;
  get y() {
    return this.x;
  }
}
