// Assignment to another object's attribute.
export class Copier {
  copy(target: { value?: number }) {
    target.value = 1;
  }
}
