// Instance attributes first created outside the constructor.
export class Session {
  user: string;
  constructor(user: string) {
    this.user = user;
  }
  login() {
    (this as any).token = 'abc'; // expect: oop.attribute-outside-init
  }
}
