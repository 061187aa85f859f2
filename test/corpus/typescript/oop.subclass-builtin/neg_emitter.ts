export class Emitter extends EventTarget {
  dispatchEvent(e: Event) {
    console.log(e.type);
    return super.dispatchEvent(e);
  }
}
