const ALLOWED = ['png', 'jpg', 'gif']; // expect: loop.linear-membership-test

export const isImage = (ext: string) => ALLOWED.includes(ext);
