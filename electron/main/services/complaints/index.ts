export { createComplaintService, type ComplaintService } from './service';
export { createComplaintHandlers } from './handlers';
export { createRepeatFinder } from './repeats';
