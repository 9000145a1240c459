import { PLUGIN_ID } from './pluginId';

/** The admin's translation key for one of this plugin's messages. */
export const trad = (id: string) => `${PLUGIN_ID}.${id}`;
