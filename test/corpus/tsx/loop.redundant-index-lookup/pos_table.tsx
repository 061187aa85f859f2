export function Table({ data }: { data: Record<string, number> }) {
  return (
    <table>
      <tbody>
        {Object.keys(data).map((k) => (
          <tr key={k}><td>{k}</td><td>{data[k]}</td></tr> // expect: loop.redundant-index-lookup
        ))}
      </tbody>
    </table>
  );
}
