// var loops and closures.
function handlers(buttons) {
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].onclick = function () { // expect: loop.closure-captures-loop-var
      alert(i);
    };
  }
}
