const flags = ['--verbose', '--quiet'];
const verbose = flags.includes(process.argv[2]);
module.exports = { verbose };
