declare function Injectable(): ClassDecorator;

export class WithField {
  value = 1;
}
