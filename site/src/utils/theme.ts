/** The guide's colours (`guide.config.ts`) as the custom properties the stylesheet uses: `brandInk` → `--brand-ink`. */
import { GUIDE } from './guide';

const property = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

// The values are checked CSS colours (no ; { } <): safe inside a <style>.
export const THEME_CSS = `:root{${Object.entries(GUIDE.colours)
  .map(([key, value]) => `${property(key)}:${value}`)
  .join(';')}}`;
