const fmt = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

export function Prices({ prices }: { prices: number[] }) {
  return (
    <ul>
      {prices.map((p) => (
        <li key={p}>{new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(p)}</li> // expect: loop.invariant-in-loop
      ))}
    </ul>
  );
}
