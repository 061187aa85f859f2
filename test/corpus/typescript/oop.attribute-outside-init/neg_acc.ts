// Accessor keyword field.
export class Acc {
  accessor count = 0;
  bump() {
    this.count = this.count + 1;
  }
}
