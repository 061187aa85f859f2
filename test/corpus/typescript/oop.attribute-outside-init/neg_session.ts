// Attributes declared as fields or created in the constructor, then reassigned elsewhere.
export class Session {
  token: string | undefined;
  user: string;
  constructor(user: string) {
    this.user = user;
  }
  login() {
    this.token = 'abc';
    this.user = this.user.trim();
  }
}
