export const PLUGIN_ID = 'knowledge-base';
