// Assignment in a constructor arrow callback still belongs to construction.
export class Timer {
  handle: ReturnType<typeof setTimeout> | null = null;
  constructor() {
    this.reset = () => {
      this.handle = null;
    };
  }
  reset: () => void;
}
