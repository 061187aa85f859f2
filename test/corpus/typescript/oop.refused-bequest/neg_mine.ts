// Parent outside the file.
declare class External {
  go(): void;
}

export class Mine extends External {
  go(): void {
    throw new Error('unsupported');
  }
}
