/** The guide this site is (name, publisher, logo, locales, colours, source documents): `guide.config.ts`, checked. */
import config from '../../guide.config';
import { parseGuide } from './guide-config';

// Parsed on first import, so a bad config stops the build before any page is written.
export const GUIDE = parseGuide(config);
