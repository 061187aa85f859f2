function once(args) {
  args.push('--file', 'x');
}
