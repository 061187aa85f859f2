export function Settings({ settings }: { settings: Record<string, string> }) {
  return (
    <dl>
      {Object.entries(settings).map(([key, value]) => ( // expect: loop.discarded-iteration-component
        <dd key={value}>{value}</dd>
      ))}
    </dl>
  );
}
