function arguments1() {
  for (let i = 0; i < arguments.length; i++) { // expect: loop.manual-index
    console.log(arguments[i]);
  }
}
