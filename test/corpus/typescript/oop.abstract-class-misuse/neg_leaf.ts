// Abstract method implemented by an intermediate concrete parent.
export abstract class Base {
  abstract run(): void;
}

export class Middle extends Base {
  run() {
    console.log('run');
  }
}

export class Leaf extends Middle {}
