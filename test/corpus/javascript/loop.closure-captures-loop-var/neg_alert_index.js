function alertIndex(i) {
  alert(i);
}
