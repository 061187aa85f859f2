// Seven ancestors is the limit.
class B0 {}
class B1 extends B0 {}
class B2 extends B1 {}
class B3 extends B2 {}
class B4 extends B3 {}
class B5 extends B4 {}
class B6 extends B5 {}
export class B7 extends B6 {}

// Many siblings are not depth.
export class C1 extends B0 {}
export class C2 extends B0 {}
export class C3 extends B0 {}

// Interfaces extending each other are not class inheritance.
interface I0 { a(): void }
interface I1 extends I0 { b(): void }
interface I2 extends I1 { c(): void }
interface I3 extends I2 { d(): void }
interface I4 extends I3 { e(): void }
interface I5 extends I4 { f(): void }
interface I6 extends I5 { g(): void }
interface I7 extends I6 { h(): void }
export interface I8 extends I7 { i(): void }
