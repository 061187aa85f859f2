// Binding a method to the instance is not shadowing.
export class Button {
  constructor() {
    this.onClick = this.onClick.bind(this);
  }
  onClick() {
    return this;
  }
}
