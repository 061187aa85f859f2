// Assigning to another object's property of the same name.
export class Proxy {
  forward(target: { send?: unknown }) {
    target.send = 1;
  }
  send() {}
}
