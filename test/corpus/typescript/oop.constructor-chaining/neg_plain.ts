export class Plain {
  constructor() {
    console.log('no parent');
  }
}
