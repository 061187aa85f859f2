export function Rows({ items }: { items: string[] }) {
  const rows: JSX.Element[] = [];
  for (const item of items) {
    rows.push(<tr key={item}><td>{item}</td></tr>); // expect: loop.manual-comprehension
  }
  return <table><tbody>{rows}</tbody></table>;
}
