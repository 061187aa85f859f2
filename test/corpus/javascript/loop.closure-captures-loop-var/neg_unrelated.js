function unrelated(buttons, label) {
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].title = label;
  }
  return function () {
    return i;
  };
}
