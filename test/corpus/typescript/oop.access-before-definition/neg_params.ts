// Parameter properties are assigned before the body runs.
export class Params {
  doubled: number;
  constructor(private readonly n: number) {
    this.doubled = this.n * 2;
  }
}
