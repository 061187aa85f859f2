import { useEffect, useState } from 'react';
declare function loadUser(id: string): Promise<string>;

export function UsersParallel({ ids }: { ids: string[] }) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    void Promise.all(ids.map((id) => loadUser(id))).then(setNames);
  }, [ids]);
  return <ul>{names.map((n) => <li key={n}>{n}</li>)}</ul>;
}
