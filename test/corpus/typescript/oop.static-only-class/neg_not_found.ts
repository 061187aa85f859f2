export class NotFound extends Error {}

declare function Injectable(): ClassDecorator;
