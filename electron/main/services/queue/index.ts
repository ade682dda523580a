export {
  createQueueService,
  queueError,
  type QueueService,
  type QueueServiceOptions,
} from './service';
export { createQueueHandlers } from './handlers';
export { QueueRefused, QueueUnreachable } from './central-link';
