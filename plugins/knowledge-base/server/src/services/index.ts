import entries from './entries';
import importer from './importer';
import locales from './locales';
import overview from './overview';
import permissions from './permissions';

export default { entries, importer, locales, overview, permissions };
