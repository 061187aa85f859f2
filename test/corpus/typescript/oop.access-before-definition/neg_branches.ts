// Assigned in both branches before the read.
export class Branches {
  mode: string;
  constructor(debug: boolean) {
    if (debug) {
      this.mode = 'debug';
    } else {
      this.mode = 'release';
    }
    console.log(this.mode);
  }
}
