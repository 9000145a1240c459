import entries from './entries';
import locales from './locales';
import overview from './overview';
import permissions from './permissions';

export default { entries, locales, overview, permissions };
