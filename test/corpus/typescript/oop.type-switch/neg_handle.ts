export function handle(err: unknown) {
  if (err instanceof TypeError) {
    return 'type';
  } else if (err instanceof RangeError) {
    return 'range';
  } else if (err instanceof SyntaxError) {
    return 'syntax';
  }
  return 'other';
}
