function fill(ul, items) {
  items.forEach(function (text) {
    const li = document.createElement('li');
    li.textContent = text;
    ul.appendChild(li); // expect: loop.batchable-calls
  });
}
