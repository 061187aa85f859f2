class Unknown extends SomeLibraryClass {
  start() {
    this.state = 'started';
  }
}
