function safeForEach(buttons) {
  buttons.forEach(function (b, i) {
    b.onclick = function () {
      alert(i);
    };
  });
}
