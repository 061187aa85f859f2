export function ButtonsLet({ labels, onPick }: { labels: string[]; onPick: (i: number) => void }) {
  const buttons: JSX.Element[] = [];
  for (let i = 0; i < labels.length; i++) {
    buttons.push(<button key={labels[i]} onClick={() => onPick(i)}>{labels[i]}</button>);
  }
  return <div>{buttons}</div>;
}
