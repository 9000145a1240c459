export * from './locales';
export * from './deadline-status';
export * from './content-types';
