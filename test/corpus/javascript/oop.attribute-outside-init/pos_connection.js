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
