const LEVELS = ['debug', 'info', 'warn', 'error'];

export const isLevel = (x: string) => LEVELS.includes(x);
export const levels = () => LEVELS;
