class L0 extends EventTarget {}

class L1 extends L0 {}

class L2 extends L1 {}

class L3 extends L2 {}

class L4 extends L3 {}

class L5 extends L4 {}

class L6 extends L5 {}

class L7 extends L6 {} // expect: oop.deep-inheritance
