// Seven ancestors is the limit.
class B0 {}

class B1 extends B0 {}

class B2 extends B1 {}

class B3 extends B2 {}

class B4 extends B3 {}

class B5 extends B4 {}

class B6 extends B5 {}

export class B7 extends B6 {}
