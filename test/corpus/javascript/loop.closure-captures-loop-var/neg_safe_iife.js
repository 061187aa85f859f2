function safeIife(buttons) {
  for (var i = 0; i < buttons.length; i++) {
    (function (j) {
      buttons[j].onclick = function () {
        alert(j);
      };
    })(i);
  }
}
