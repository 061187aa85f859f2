// Binding a method to the instance is not shadowing.
export class Button {
  constructor() {
    this.onClick = this.onClick.bind(this);
  }
  onClick() {
    return this;
  }
}

// Getter/setter pair with backing field.
export class Temp {
  private _value = 0;
  get value() {
    return this._value;
  }
  set value(v: number) {
    this._value = v;
  }
}

// Attribute and method with different names.
export class Stream {
  closed = false;
  close() {
    this.closed = true;
  }
}

// Assigning a wrapped version of the same method (decorating it).
export class Logged {
  constructor() {
    const original = this.run;
    this.run = (...args: []) => {
      console.log('run');
      return original.apply(this, args);
    };
  }
  run() {
    return 1;
  }
}

// Assigning to another object's property of the same name.
export class Proxy {
  forward(target: { send?: unknown }) {
    target.send = 1;
  }
  send() {}
}
