import type { Core } from '@strapi/strapi';
import { service } from './services/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  service(strapi, 'site-builds').stop();
};
