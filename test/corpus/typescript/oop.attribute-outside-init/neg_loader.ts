export class Loader {
  private data?: Response;
  constructor(private url: string) {}
  async load() {
    this.data = await fetch(this.url);
  }
  clear() {
    this.data = undefined;
  }
}
