class Bound {
  constructor() {
    this.handleClick = this.handleClick.bind(this);
  }
  handleClick() {
    return this;
  }
}
