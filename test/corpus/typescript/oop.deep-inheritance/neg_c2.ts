// Seven ancestors is the limit.
class B0 {}

export class C2 extends B0 {}
