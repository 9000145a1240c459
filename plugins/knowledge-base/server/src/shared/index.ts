export * from './locales';
export * from './attachments';
export * from './deadline-status';
export * from './content-types';
export * from './moderation';
export * from './submission-answers';
export * from './open-data';
export * from './openapi';
