declare class Legacy {
  new(): void;
}
