/** The instant the guide is built at: statuses and days left are as of then. `KB_NOW` pins it (tests). */
export const buildTime = (): Date => (process.env.KB_NOW ? new Date(process.env.KB_NOW) : new Date());
