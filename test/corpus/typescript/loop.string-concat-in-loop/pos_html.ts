export function html(items: string[]) {
  let s: string = '<ul>';
  items.forEach((item) => {
    s += `<li>${item}</li>`; // expect: loop.string-concat-in-loop
  });
  return s + '</ul>';
}
