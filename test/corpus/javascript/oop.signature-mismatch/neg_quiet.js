class Writer {
  write(chunk) {
    return chunk;
  }
  close() {}
}

class Quiet extends Writer {
  write() {
    return '';
  }
  close(cb = () => {}) {
    cb();
  }
}
