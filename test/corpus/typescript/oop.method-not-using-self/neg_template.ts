export abstract class Template {
  abstract step(): void;
  run() {
    this.step();
  }
}
