export { startDemoPublisher } from './demo/publisher.js';
