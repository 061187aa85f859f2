interface Shape {
  area(): number;
}

export class Unit implements Shape {
  area() {
    return 1;
  }
}
