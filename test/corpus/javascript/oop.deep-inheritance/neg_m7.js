class L0 extends EventTarget {}

class L1 extends L0 {}

class L2 extends L1 {}

class L3 extends L2 {}

class L4 extends L3 {}

const Mixed = class extends L4 {};

class M7 extends Mixed {}
