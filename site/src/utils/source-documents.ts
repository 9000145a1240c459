/** The documents the guide's first content comes from (see shared/seeds/README.md); the about page presents them. */
export const SOURCE_DOCUMENTS = [
  '000_8e574027f4a084fb.txt',
  '001_f695345749e5eed6.txt',
  '002_3fbd6008e1083b73.txt',
  '003_8a1b5a3e89e4207d.txt',
  '004_994557f5daff7d16.txt',
] as const;

/** `000_8e57….txt` → `000`: the key of its title and description in the translations. */
export const documentKey = (document: string) => document.slice(0, 3);

export const isKnownDocument = (document: string) => SOURCE_DOCUMENTS.some((d) => documentKey(d) === documentKey(document));
