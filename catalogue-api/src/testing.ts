export { startDemoPublisher, type DemoPublisher } from './demo/publisher.js';
