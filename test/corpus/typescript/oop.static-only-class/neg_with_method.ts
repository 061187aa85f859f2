declare function Injectable(): ClassDecorator;

export class WithMethod {
  run() {
    return 1;
  }
  static make() {
    return new WithMethod();
  }
}
