class Writer {
  write(chunk) {
    return chunk;
  }
  close() {}
}

class FileWriter extends Writer {
  write(chunk, encoding) { // expect: oop.signature-mismatch
    return chunk + encoding;
  }
  async close() { // expect: oop.signature-mismatch
    await Promise.resolve();
  }
}
