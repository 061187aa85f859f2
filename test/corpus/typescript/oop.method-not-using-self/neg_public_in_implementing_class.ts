// Pattern from @azure/msal-common's StubPerformanceClient: a public method of a class that implements an interface
// is shaped by the interface even when it ignores `this` (ESLint's class-methods-use-this flags it anyway).
interface Clock {
  now(): number;
}

export class FixedClock implements Clock {
  now(): number {
    return 0;
  }
}
