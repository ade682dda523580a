export {
  createQueueService,
  queueError,
  type QueueService,
  type QueueServiceOptions,
} from './service';
export { createQueueHandlers } from './handlers';
