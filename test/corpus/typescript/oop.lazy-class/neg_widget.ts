// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;

@Component({ selector: 'x' })
export class Widget {
  render() {
    return '';
  }
}
