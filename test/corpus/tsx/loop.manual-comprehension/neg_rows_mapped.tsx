export function RowsMapped({ items }: { items: string[] }) {
  return (
    <table>
      <tbody>
        {items.map((item) => (
          <tr key={item}><td>{item}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
