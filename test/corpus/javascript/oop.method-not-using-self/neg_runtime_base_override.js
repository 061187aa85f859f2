// Overrides of a known runtime base's members, protocol methods and unknown bases stay unjudged.
const { Transform } = require('node:stream');
const { Base } = require('./base');

class Upper extends Transform {
  _transform(chunk, encoding, callback) {
    callback(null, String(chunk).toUpperCase());
  }

  _flush(callback) {
    callback();
  }

  toJSON() {
    return { kind: 'upper' };
  }
}

class Report extends Base {
  // Base is imported from elsewhere: it may declare this method.
  format(value) {
    return String(value);
  }
}

class Failure extends Error {
  toString() {
    return 'failure';
  }

  get [Symbol.toStringTag]() {
    return 'Failure';
  }
}

module.exports = { Upper, Report, Failure };
