function safeBind(buttons) {
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].onclick = alertIndex.bind(null, i);
  }
}
