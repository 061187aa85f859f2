interface Task { id: number; done: boolean }

export function Tags({ tags }: { tags: Set<string> }) {
  return <p>{[...tags].length} tags</p>; // expect: loop.unnecessary-materialization
}
