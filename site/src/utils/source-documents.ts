/** The documents the guide's first content comes from (`sourceDocuments` in guide.config.ts); the about page presents them. */
import { GUIDE } from './guide';

export const SOURCE_DOCUMENTS = GUIDE.sourceDocuments;
export type SourceDocument = (typeof SOURCE_DOCUMENTS)[number];

const byFile = new Map(SOURCE_DOCUMENTS.map((document) => [document.file, document]));

/** The document an entry's source names (by file name), or undefined when the config does not list it. */
export const sourceDocument = (file: string): SourceDocument | undefined => byFile.get(file);
