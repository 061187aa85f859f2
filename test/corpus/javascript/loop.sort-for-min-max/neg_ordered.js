function ordered(files) {
  return files.sort((a, b) => a.mtime - b.mtime);
}
