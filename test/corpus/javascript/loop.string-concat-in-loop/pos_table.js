function table(rows) {
  var html = '<table>';
  for (var i = 0; i < rows.length; i++) { // expect: loop.manual-index
    html += '<tr><td>' + rows[i] + '</td></tr>'; // expect: loop.string-concat-in-loop
  }
  return html + '</table>';
}
