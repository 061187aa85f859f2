function printValues(obj) {
  for (const [key, value] of Object.entries(obj)) { // expect: loop.discarded-iteration-component
    console.log(value);
  }
}
