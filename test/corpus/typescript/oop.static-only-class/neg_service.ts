declare function Injectable(): ClassDecorator;

@Injectable()
export class Service {}
