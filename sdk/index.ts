export { Queue, type QueueArgs, type QueueChannel, type RoutingMethod } from './queue';
export { kindProvider } from './providers/kindProvider';
