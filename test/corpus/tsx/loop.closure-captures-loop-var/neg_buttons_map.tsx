export function ButtonsMap({ labels, onPick }: { labels: string[]; onPick: (i: number) => void }) {
  return <div>{labels.map((l, i) => <button key={l} onClick={() => onPick(i)}>{l}</button>)}</div>;
}
