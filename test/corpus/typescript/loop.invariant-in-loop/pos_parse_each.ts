// Expensive work whose result cannot change between iterations.
declare const rawConfig: string;

export function parseEach(ids: string[]) {
  return ids.map((id) => {
    const config = JSON.parse(rawConfig); // expect: loop.invariant-in-loop
    return config[id];
  });
}
