export { createRequestService, type RequestService } from './service';
export { createRequestHandlers } from './handlers';
