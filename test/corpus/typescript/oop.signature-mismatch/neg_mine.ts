// Parent outside the file: cannot compare.
declare class External {
  go(): void;
}

export class Mine extends External {
  go(extra?: number) {
    console.log(extra);
  }
}
