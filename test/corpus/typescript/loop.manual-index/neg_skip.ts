// The loop counter is modified in the body.
export function skip(tokens: string[]) {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '\\') i++;
    console.log(tokens[i]);
  }
}
