export default {
  config: {
    locales: ['fr', 'ar'],
  },
  bootstrap() {},
};
