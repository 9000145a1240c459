import { Book } from '@strapi/icons';

export const PluginIcon = () => <Book />;
