export function print(names: string[]) {
  for (let i = 0; i < names.length; ++i) { // expect: loop.manual-index
    const name = names[i];
    console.log(name);
  }
}
