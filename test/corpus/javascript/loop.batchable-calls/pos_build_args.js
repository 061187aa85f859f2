function buildArgs(file, verbose) {
  const args = [];
  args.push('--file'); // expect: loop.batchable-calls
  args.push(file);
  if (verbose) args.push('--verbose');
  return args;
}
