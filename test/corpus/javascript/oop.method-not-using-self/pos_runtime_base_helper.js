// A class extending a Node runtime class whose API is known: a helper that is not one of EventEmitter's or
// Writable's members cannot be an override (shape of undici's Socks5Client and websocket ByteParser).
const { EventEmitter } = require('node:events');
const { Writable } = require('node:stream');

class Client extends EventEmitter {
  constructor(socket) {
    super();
    this.socket = socket;
  }

  send(command) {
    this.socket.write(this.encode(command));
    this.emit('sent', command);
  }

  encode(command) { // expect: oop.method-not-using-self
    return Buffer.from([5, command, 0]);
  }
}

class Parser extends Writable {
  _write(chunk, encoding, callback) {
    this.last = this.parseClose(chunk);
    callback();
  }

  parseClose(data) { // expect: oop.method-not-using-self
    return data.length >= 2 ? data.readUInt16BE(0) : 1005;
  }
}

module.exports = { Client, Parser };
