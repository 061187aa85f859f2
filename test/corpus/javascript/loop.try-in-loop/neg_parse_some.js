function parseSome(lines) {
  const out = [];
  for (const line of lines) {
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      out.push(null);
    }
  }
  return out;
}
