function badge(count) {
  for (let i = 0; i < count; i++) {
    document.querySelectorAll('.badge').forEach((b) => b.classList.add('on')); // expect: loop.invariant-in-loop
  }
}
