import { Component } from 'react';

export class Clock extends Component<{ tz: string }> {
  render() {
    return <time>{this.props.tz}</time>;
  }
  componentDidMount() {}
  format(d: Date) { // expect: oop.method-not-using-self
    return d.toISOString();
  }
}
