export function Buttons({ labels, onPick }: { labels: string[]; onPick: (i: number) => void }) {
  const buttons: JSX.Element[] = [];
  for (var i = 0; i < labels.length; i++) {
    buttons.push(<button key={labels[i]} onClick={() => onPick(i)}>{labels[i]}</button>); // expect: loop.closure-captures-loop-var
  }
  return <div>{buttons}</div>;
}
