declare class External {
  protected id: string;
}

export class Child extends External {
  label: string;
  constructor() {
    super();
    this.label = `#${this.id}`;
  }
}
