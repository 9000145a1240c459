/** The guide's logo and favicon: addresses of `public/` files, checked to exist when the build first needs them. */
import { publicDir } from 'astro:config/server';
import { GUIDE } from './guide';
import { checkGuideFiles, imageType } from './guide-config';

checkGuideFiles(GUIDE, publicDir);

export const FAVICON = { href: GUIDE.favicon, type: imageType(GUIDE.favicon) };
export const LOGO = GUIDE.logo ?? null;
