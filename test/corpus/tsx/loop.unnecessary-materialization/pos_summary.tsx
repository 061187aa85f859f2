interface Task { id: number; done: boolean }

export function Summary({ tasks }: { tasks: Task[] }) {
  return (
    <p>
      {tasks.filter((t) => !t.done).length > 0 // expect: loop.unnecessary-materialization
        ? 'Work left'
        : 'All done'}
    </p>
  );
}
