function safeLet(buttons) {
  for (let i = 0; i < buttons.length; i++) {
    buttons[i].onclick = function () {
      alert(i);
    };
  }
}
