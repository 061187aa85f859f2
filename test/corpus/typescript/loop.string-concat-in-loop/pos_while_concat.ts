export function whileConcat(n: number) {
  let stars = '';
  let i = 0;
  while (i < n) {
    stars = stars + '*'; // expect: loop.string-concat-in-loop
    i++;
  }
  return stars;
}
