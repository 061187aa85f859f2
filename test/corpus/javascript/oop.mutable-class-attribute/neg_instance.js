class Instance {
  items = [];
}
