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
