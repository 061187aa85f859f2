interface Task { id: number; done: boolean }

export function Count({ tasks }: { tasks: Task[] }) {
  return <p>{tasks.filter((t) => !t.done).length} open</p>;
}
