class Component extends HTMLElement {
  connectedCallback() {
    this.textContent = 'hi';
  }
}
