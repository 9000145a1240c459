import multipart from './multipart';
import multipartGuard from './multipart-guard';
import uploadHeaders from './upload-headers';

export default { multipart, 'multipart-guard': multipartGuard, 'upload-headers': uploadHeaders };
