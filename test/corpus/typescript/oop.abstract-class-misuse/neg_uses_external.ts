// Subclass of an external abstract class: we cannot see its abstract members.
declare abstract class External {
  abstract go(): void;
}

export class UsesExternal extends External {
  go() {}
}
