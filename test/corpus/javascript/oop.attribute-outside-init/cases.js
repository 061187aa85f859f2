class Connection {
  constructor(url) {
    this.url = url;
    this.socket = null;
  }
  open() {
    this.socket = new WebSocket(this.url);
    this.openedAt = Date.now(); // expect: oop.attribute-outside-init
  }
  close() {
    this.socket.close();
    this.socket = null;
  }
}

class WithField {
  retries = 0;
  fail() {
    this.retries += 1;
  }
}

class Base {
  constructor() {
    this.state = 'new';
  }
}
class Child extends Base {
  start() {
    this.state = 'started';
  }
}

class Unknown extends SomeLibraryClass {
  start() {
    this.state = 'started';
  }
}

module.exports = { Connection, WithField, Child, Unknown };
