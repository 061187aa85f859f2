export abstract class Helper { // expect: oop.abstract-class-misuse
  format(x: number) {
    return x.toFixed(2);
  }
}
