// Empty hook in a concrete class is fine.
export class Plugin {
  onLoad(): void {}
}
