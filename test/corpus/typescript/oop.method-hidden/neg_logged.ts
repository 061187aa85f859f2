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
