import { Component } from 'react';

export class Static extends Component {
  render() {
    return <p>static</p>;
  }
}
