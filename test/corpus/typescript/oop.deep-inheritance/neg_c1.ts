// Seven ancestors is the limit.
class B0 {}

// Many siblings are not depth.
export class C1 extends B0 {}
