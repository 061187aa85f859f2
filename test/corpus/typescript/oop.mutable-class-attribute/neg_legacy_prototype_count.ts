export function Legacy() {}

Legacy.prototype.count = 0;
