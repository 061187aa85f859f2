function perNode(nodes) {
  nodes.forEach(function (n) {
    var re = new RegExp(n.dataset.pattern);
    n.hidden = !re.test(n.textContent);
  });
}
