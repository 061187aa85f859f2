class Slugger { // expect: oop.lazy-class
  slug(s) {
    return s.toLowerCase();
  }
}

class Stateful {
  constructor() {
    this.n = 0;
  }
  next() {
    return ++this.n;
  }
}

class Component extends HTMLElement {
  connectedCallback() {
    this.textContent = 'hi';
  }
}

module.exports = { Slugger, Stateful, Component };
