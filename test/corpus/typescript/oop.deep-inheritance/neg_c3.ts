// Seven ancestors is the limit.
class B0 {}

export class C3 extends B0 {}
