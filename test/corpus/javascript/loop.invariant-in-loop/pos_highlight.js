function highlight(nodes, term) {
  nodes.forEach(function (n) {
    var re = new RegExp(term, 'g'); // expect: loop.invariant-in-loop
    n.innerHTML = n.textContent.replace(re, '<b>$&</b>');
  });
}
