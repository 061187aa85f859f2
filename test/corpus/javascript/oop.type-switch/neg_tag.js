function tag(action) {
  switch (action.type) {
    case 'add':
      return 1;
    case 'remove':
      return 2;
    case 'reset':
      return 3;
  }
}
