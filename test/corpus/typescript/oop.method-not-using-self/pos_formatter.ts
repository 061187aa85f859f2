// Instance methods that never touch the instance.
export class Formatter {
  private locale = 'en';
  money(amount: number) { // expect: oop.method-not-using-self
    return `$${amount.toFixed(2)}`;
  }
  date(d: Date) {
    return d.toLocaleDateString(this.locale);
  }
}
