export function allTags(posts: { tags: string[] }[]) {
  return posts.map((p) => p.tags).flat(); // expect: loop.unnecessary-materialization
}
