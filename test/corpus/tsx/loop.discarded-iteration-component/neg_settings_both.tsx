export function SettingsBoth({ settings }: { settings: Record<string, string> }) {
  return (
    <dl>
      {Object.entries(settings).map(([key, value]) => (
        <div key={key}><dt>{key}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}
