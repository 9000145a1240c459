import bodyErrors, { bodyRead } from './body-errors';
import knownMethods from './known-methods';
import multipart from './multipart';
import multipartGuard from './multipart-guard';
import uploadHeaders from './upload-headers';

export default { 'body-errors': bodyErrors, 'body-read': bodyRead, 'known-methods': knownMethods, multipart, 'multipart-guard': multipartGuard, 'upload-headers': uploadHeaders };
