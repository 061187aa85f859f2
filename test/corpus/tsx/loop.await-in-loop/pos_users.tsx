import { useEffect, useState } from 'react';
declare function loadUser(id: string): Promise<string>;

export function Users({ ids }: { ids: string[] }) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    (async () => {
      const out: string[] = [];
      for (const id of ids) {
        out.push(await loadUser(id)); // expect: loop.await-in-loop
      }
      setNames(out);
    })();
  }, [ids]);
  return <ul>{names.map((n) => <li key={n}>{n}</li>)}</ul>;
}
